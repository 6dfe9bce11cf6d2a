using System.ComponentModel;
using RsiSim.Cli.Infrastructure;
using RsiSim.Cli.Rendering;
using RsiSim.Evaluation.Machine;
using RsiSim.Storage;
using RsiSim.Storage.Folders;
using RsiSim.Storage.Reading;
using Spectre.Console.Cli;

namespace RsiSim.Cli.Commands;

/// <summary><c>rsisim resume &lt;run-dir&gt;</c>: continues a stopped or killed run from its last recorded attempts.</summary>
internal sealed class ResumeCommand : AsyncCommand<ResumeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<run-dir>")]
        [Description("The run folder (runs/<time>-<name>).")]
        public string RunDirectory { get; init; } = "";

        [CommandOption("--json")]
        [Description("Print one JSON summary object on stdout; progress goes to stderr.")]
        public bool Json { get; init; }

        [CommandOption("-v|--verbose")]
        [Description("Log every attempt on stderr.")]
        public bool Verbose { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var bootstrap = Logging.Create(settings.Verbose);
        using var loading = new Composition(bootstrap);
        var before = await RunFolders.LoadAsync(settings.RunDirectory, cancellationToken).ConfigureAwait(false);
        var scenario = RecordedScenario.Load(loading, before);
        if (IsComplete(before))
        {
            Console.Error.WriteLine($"Nothing to resume: every trial of {before.Directory} has finished ({before.Attempts.Count} attempts).");
            var done = new RunProgress(scenario, StandardError.Create(), lines: true);
            done.Restore(before);
            RunExecution.WriteSummary(before.Directory, done.Arms, settings.Json);
            return ExitCodes.Success;
        }
        if (!LlmArmChecks.Report(scenario, before.Directory, starting: true))
        {
            return ExitCodes.Failed;
        }
        // Opening takes run.lock: a live rsisim on this run is refused here, before anything is written.
        var store = await SqliteRunStore.OpenAsync(settings.RunDirectory, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            // Read again under the lock: a process that held the run until a moment ago may have recorded more.
            var recorded = await RunStoreReader.LoadAsync(settings.RunDirectory, cancellationToken).ConfigureAwait(false);
            using var loggers = Logging.Create(settings.Verbose, new RunFolder(settings.RunDirectory).Logs);
            using var composition = new Composition(loggers);
            Announce(recorded);
            return await RunExecution.ExecuteAsync(composition, scenario, store, recorded, settings.Json, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsComplete(StoredRun run) =>
        run.Trials.Count(t => t.Finished) >= run.Manifest.Arms.Length * run.Manifest.Trials;

    private static void Announce(StoredRun run)
    {
        int total = run.Manifest.Arms.Length * run.Manifest.Trials;
        Console.Error.WriteLine(
            $"Resuming {run.Directory}: {run.Trials.Count(t => t.Finished)} of {total} trials finished, {run.Attempts.Count} attempts recorded; nothing recorded is redone.");
        if (run.Manifest.MachineId != MachineIdentity.Id)
        {
            Console.Error.WriteLine($"warning: the run started on another machine ({run.Manifest.Machine}); its timings and these will mix two machines.");
        }
    }
}
