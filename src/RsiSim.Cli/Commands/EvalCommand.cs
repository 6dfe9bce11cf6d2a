using System.ComponentModel;
using System.Security.Cryptography;
using RsiSim.Cli.Infrastructure;
using RsiSim.Cli.Rendering;
using RsiSim.Core.Candidates;
using RsiSim.Core.Evaluations;
using RsiSim.Evaluation.Machine;
using RsiSim.Evaluation.Timing;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RsiSim.Cli.Commands;

/// <summary><c>rsisim eval &lt;task&gt; &lt;file.cs&gt;</c>: the same checks and timing a run applies, on one file, with timed
/// pairs added while the speedup's interval is wide (<see cref="TimingOptions.Adaptive"/>).</summary>
internal sealed class EvalCommand : AsyncCommand<EvalCommand.Settings>
{
    private const long MaxSourceBytes = 1_000_000;

    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<task>")]
        [Description("The task, e.g. tinylm (see 'rsisim tasks').")]
        public string Task { get; init; } = "";

        [CommandArgument(1, "<file>")]
        [Description("The candidate C# file.")]
        public string File { get; init; } = "";

        [CommandOption("--size <SIZE>")]
        [Description("Task size (default: the task's default, e.g. small).")]
        public string? Size { get; init; }

        [CommandOption("--repetitions <N>")]
        [Description("Timed runs of each side, interleaved, at least. Default 5.")]
        [DefaultValue(5)]
        public int Repetitions { get; init; } = 5;

        [CommandOption("--most-repetitions <N>")]
        [Description("Timed runs of each side at most: after --repetitions, one more pair at a time while the speedup's 95% interval is wider than ±3% of it (a machine whose speed swings). Default 20; no more than --repetitions for exactly that many.")]
        [DefaultValue(TimingOptions.DefaultMostRepetitions)]
        public int MostRepetitions { get; init; } = TimingOptions.DefaultMostRepetitions;

        [CommandOption("--seed <SEED>")]
        [Description("Root of the hidden seeds, to reproduce an evaluation. Default: random.")]
        public ulong? Seed { get; init; }

        [CommandOption("--json")]
        [Description("Print one JSON object on stdout instead of the human-readable report.")]
        public bool Json { get; init; }

        [CommandOption("-v|--verbose")]
        [Description("Log progress on stderr.")]
        public bool Verbose { get; init; }

        public override ValidationResult Validate() =>
            Repetitions is < 1 or > 100 ? ValidationResult.Error("--repetitions must be between 1 and 100")
            : MostRepetitions is < 1 or > 100 ? ValidationResult.Error("--most-repetitions must be between 1 and 100")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var loggers = Logging.Create(settings.Verbose);
        using var composition = new Composition(loggers);
        var task = composition.FindTask(settings.Task);
        string size = settings.Size ?? task.DefaultSize;
        if (!task.Sizes.Contains(size, StringComparer.Ordinal))
        {
            throw new UserInputException($"unknown size '{size}' for {task.Id}; sizes: {string.Join(", ", task.Sizes)}");
        }
        var timing = TimingOptions.Adaptive(settings.Repetitions, settings.MostRepetitions);
        var source = ReadSource(settings.File);
        var candidate = Candidate.FromSource(source ?? "");
        var evaluation = source is null
            ? EvaluationResult.Failed(EvaluationStatus.CompileError, $"the file is {new FileInfo(settings.File).Length:N0} bytes; a candidate may have at most {MaxSourceBytes:N0}")
            : await EvaluateAsync(composition, task.Id, size, candidate, timing, settings, cancellationToken).ConfigureAwait(false);
        var roofline = evaluation.Timing is { } measured
            ? Roofline.Of(task.FlopsPerRun(size), measured.CandidateMedian, MachineProfile.Load(TimeProvider.System))
            : null;
        var report = new EvaluationReport(task, size, settings.File, candidate, evaluation, roofline, timing);
        if (settings.Json)
        {
            Console.Out.WriteLine(report.ToJson());
        }
        else
        {
            report.Write(AnsiConsole.Console);
        }
        return evaluation.Status == EvaluationStatus.Passed ? ExitCodes.Success : ExitCodes.Failed;
    }

    private static async Task<EvaluationResult> EvaluateAsync(
        Composition composition, string taskId, string size, Candidate candidate, TimingOptions timing, Settings settings, CancellationToken cancellationToken)
    {
        var evaluator = composition.CreateEvaluator(timing);
        ulong seed = settings.Seed ?? BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
        var request = new EvaluationRequest(taskId, size, candidate, seed);
        if (settings.Json || Console.IsOutputRedirected)
        {
            return await evaluator.EvaluateAsync(request, cancellationToken).ConfigureAwait(false);
        }
        return await AnsiConsole.Status().StartAsync(
            $"Evaluating {Path.GetFileName(settings.File)} on {taskId}/{size}: compile, warm-up, {timing.PairsText} interleaved timed runs...",
            _ => evaluator.EvaluateAsync(request, cancellationToken).AsTask()).ConfigureAwait(false);
    }

    // Null when the file is too large to be a candidate.
    private static string? ReadSource(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            throw new UserInputException($"{path}: no such file");
        }
        return new FileInfo(path).Length > MaxSourceBytes ? null : System.IO.File.ReadAllText(path);
    }
}
