using System.ComponentModel;
using RsiSim.Cli.Infrastructure;
using RsiSim.Evaluation.Machine;
using RsiSim.Storage;
using RsiSim.Storage.Folders;
using Spectre.Console.Cli;

namespace RsiSim.Cli.Commands;

/// <summary><c>rsisim run &lt;scenario.yaml&gt;</c>: runs every arm x trial and records it in a new run folder.</summary>
internal sealed class RunCommand : AsyncCommand<RunCommand.Settings>
{
    public sealed class Settings : ScenarioSettings
    {
        [CommandOption("--out <DIR>")]
        [Description("Folder that receives the run folder. Default: runs")]
        [DefaultValue("runs")]
        public string Out { get; init; } = "runs";

        [CommandOption("--seed <SEED>")]
        [Description("Override the scenario's seed.")]
        public ulong? Seed { get; init; }

        [CommandOption("--trials <N>")]
        [Description("Override the scenario's number of trials.")]
        public int? Trials { get; init; }

        [CommandOption("--json")]
        [Description("Print one JSON summary object on stdout; progress goes to stderr.")]
        public bool Json { get; init; }

        [CommandOption("-v|--verbose")]
        [Description("Log every attempt on stderr.")]
        public bool Verbose { get; init; }

        public override Spectre.Console.ValidationResult Validate() =>
            Trials is < 1 or > 1000
                ? Spectre.Console.ValidationResult.Error("--trials must be between 1 and 1000")
                : Spectre.Console.ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var bootstrap = Logging.Create(settings.Verbose);
        using var loading = new Composition(bootstrap);
        var loaded = ScenarioFiles.Load(loading, settings.Scenario);
        if (loaded.Scenario is null || !LlmArmChecks.Report(loaded.Scenario, settings.Scenario, starting: true))
        {
            return ExitCodes.Failed;
        }
        var scenario = loaded.Scenario with
        {
            Seed = settings.Seed ?? loaded.Scenario.Seed,
            Trials = settings.Trials ?? loaded.Scenario.Trials,
        };
        var folder = RunFolder.Create(settings.Out, scenario.Name, TimeProvider.System);
        using var loggers = Logging.Create(settings.Verbose, folder.Logs);
        using var composition = new Composition(loggers);
        var manifest = RunManifest.From(scenario, loaded.SourceText, MachineIdentity.Text, MachineIdentity.Id, ToolVersion.Text);
        var store = await SqliteRunStore.CreateAsync(folder.Directory, manifest, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            return await RunExecution.ExecuteAsync(composition, scenario, store, null, settings.Json, cancellationToken).ConfigureAwait(false);
        }
    }
}
