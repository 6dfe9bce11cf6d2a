using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using RsiSim.Certification;
using RsiSim.Cli.Infrastructure;
using RsiSim.Cli.Rendering;
using RsiSim.Evaluation.Policy;
using RsiSim.Storage;
using RsiSim.Storage.Certifications;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RsiSim.Cli.Commands;

/// <summary><c>rsisim certify &lt;run-dir&gt;</c>: re-measures the reference and each arm's best candidate with BenchmarkDotNet and stores the certified speedups in the run.</summary>
internal sealed class CertifyCommand : AsyncCommand<CertifyCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<run-dir>")]
        [Description("The run folder (runs/<time>-<name>); the run must not be running.")]
        public string RunDirectory { get; init; } = "";

        [CommandOption("--iterations <N>")]
        [Description("Measured training runs per program, over all rounds (after 3 warm-up runs, and 1 more in each later round). Default 9.")]
        [DefaultValue(9)]
        public int Iterations { get; init; } = 9;

        [CommandOption("--rounds <N>")]
        [Description("Rounds the measured runs are split into: each measures every program, the order reversed from one round to the next, and the certified speedup is the median of the rounds' ratios. Default 3; at most --iterations.")]
        [DefaultValue(3)]
        public int Rounds { get; init; } = 3;

        [CommandOption("--seed <SEED>")]
        [Description("The seed of the training run every measurement repeats. Default: derived from the run's seed.")]
        public ulong? Seed { get; init; }

        [CommandOption("--json")]
        [Description("Print one JSON object on stdout instead of the table.")]
        public bool Json { get; init; }

        [CommandOption("-v|--verbose")]
        [Description("Log progress and BenchmarkDotNet's own log on stderr.")]
        public bool Verbose { get; init; }

        public override ValidationResult Validate() =>
            Iterations is < 1 or > 1000 ? ValidationResult.Error("--iterations must be between 1 and 1000")
            : Rounds < 1 || Rounds > Iterations ? ValidationResult.Error($"--rounds must be between 1 and --iterations ({Iterations}): each round measures every program at least once")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var loggers = Logging.Create(settings.Verbose);
        using var composition = new Composition(loggers);
        using var store = Open(settings.RunDirectory);
        var run = await RunFolders.LoadAsync(settings.RunDirectory, cancellationToken).ConfigureAwait(false);
        var certifier = new RunCertifier(composition.Tasks, composition.Compiler, CandidatePolicy.Default, TimeProvider.System, ToolVersion.Text,
            loggers.CreateLogger<RunCertifier>());
        var options = new CertificationOptions { Iterations = settings.Iterations, Rounds = settings.Rounds, Seed = settings.Seed };
        if (!settings.Json)
        {
            AnsiConsole.MarkupLineInterpolated(
                $"Certifying {run.Manifest.Name} ({run.Manifest.TaskId}/{run.Manifest.Size}): the reference and each arm's best, {options.Iterations} measured training runs each in {options.Rounds} rounds, with BenchmarkDotNet...");
        }
        var certification = await Task.Run(() => certifier.Certify(run, options, cancellationToken), cancellationToken).ConfigureAwait(false);
        await store.SaveAsync(certification, cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            Console.Out.WriteLine(ToJson(settings.RunDirectory, certification));
        }
        else
        {
            CertificationTable.Write(AnsiConsole.Console, certification);
            AnsiConsole.MarkupLineInterpolated($"Stored in {Path.Combine(settings.RunDirectory, "run.db")} (certified_arms); 'rsisim report' shows it.");
        }
        return ExitCodes.Success;
    }

    private static SqliteCertificationStore Open(string directory)
    {
        try
        {
            return SqliteCertificationStore.Open(directory);
        }
        catch (RunStoreException e)
        {
            throw new UserInputException($"cannot certify the run folder '{directory}': {e.Message}", e);
        }
    }

    private static string ToJson(string directory, RunCertification certification) => JsonSerializer.Serialize(new
    {
        run = directory,
        certifiedAt = certification.CertifiedAt,
        seed = certification.Seed.ToString(CultureInfo.InvariantCulture),
        job = certification.Job,
        loadAverage = certification.LoadAverage,
        arms = certification.Arms.Select(a => new
        {
            arm = a.Arm,
            trial = a.Trial,
            candidate = a.CandidateHash,
            status = a.Status,
            rsisimSpeedup = a.RsiSimSpeedup,
            rsisimLow = a.RsiSimLow,
            rsisimHigh = a.RsiSimHigh,
            referenceMedianSeconds = a.ReferenceMedianSeconds,
            candidateMedianSeconds = a.CandidateMedianSeconds,
            certifiedSpeedup = a.CertifiedSpeedup,
            difference = a.Difference,
            agrees = a.Agrees,
            detail = a.Detail,
        }),
    }, CliJson.Options);
}
