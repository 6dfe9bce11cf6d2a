using Microsoft.Extensions.Logging;
using RsiSim.Agents.Llm.Recording;
using RsiSim.Agents.Llm.Replay;
using RsiSim.Cli.Infrastructure;
using RsiSim.Cli.Rendering;
using RsiSim.Core.Agents;
using RsiSim.Core.Candidates;
using RsiSim.Core.Runs;
using RsiSim.Evaluation.Timing;
using RsiSim.Storage;
using RsiSim.Storage.Reading;
using Spectre.Console;

namespace RsiSim.Cli.Commands;

/// <summary>What run and resume share: drive the experiment into the store with live progress, then print the summary.</summary>
internal static class RunExecution
{
    /// <param name="composition">The wiring, with loggers that write into the run folder.</param>
    /// <param name="scenario">The scenario to run.</param>
    /// <param name="store">The open store of the run.</param>
    /// <param name="recorded">For a resume: what the run recorded before; its unfinished trials continue, finished ones are skipped.</param>
    /// <param name="json">Print one JSON summary on stdout, progress on stderr.</param>
    /// <param name="cancellationToken">Ctrl-C: stops after the current attempt, leaving the run resumable.</param>
    public static async Task<int> ExecuteAsync(
        Composition composition,
        Scenario scenario,
        SqliteRunStore store,
        StoredRun? recorded,
        bool json,
        CancellationToken cancellationToken)
    {
        var output = AnsiConsole.Console;
        var error = StandardError.Create();
        bool interactive = !json && !Console.IsOutputRedirected;
        var progress = new RunProgress(scenario, json ? error : output, lines: !interactive);
        ResumePoint? resume = null;
        if (recorded is not null)
        {
            progress.Restore(recorded);
            resume = recorded.BuildResumePoint(Candidate.FromSource(composition.FindTask(scenario.TaskId).ReferenceSource));
        }
        var logger = composition.LoggerFactory.CreateLogger("RsiSim.Run");
        var sink = new CompositeEventSink(store, [progress], logger);
        var evaluator = composition.CreateRunEvaluator(scenario);
        var services = new ServiceRegistry()
            .Add(store)
            .Add<ILlmCallRecorder>(new StoreLlmCallRecorder(store))
            .Add<ILlmReplaySource>(new StoredRunReplaySource())
            .Add<ITrialArchive>(new StoredTrialArchive());
        var runner = new ExperimentRunner(evaluator, composition.Tasks, composition.Agents, services, TimeProvider.System, composition.LoggerFactory);
        try
        {
            if (interactive)
            {
                await output.Live(progress.Render()).AutoClear(false).StartAsync(async context =>
                {
                    progress.Changed += () => context.UpdateTarget(progress.Render());
                    await runner.RunAsync(scenario, sink, resume, cancellationToken).ConfigureAwait(false);
                    context.UpdateTarget(progress.Render());
                }).ConfigureAwait(false);
            }
            else
            {
                await runner.RunAsync(scenario, sink, resume, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error.MarkupLineInterpolated($"[yellow]Stopped.[/] Every completed attempt is saved; continue with: rsisim resume {store.Directory}");
            return ExitCodes.Failed;
        }
        catch (RunStoreException ex)
        {
            error.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return ExitCodes.Failed;
        }
        WriteSummary(store.Directory, progress.Arms, json);
        return ExitCodes.Success;
    }

    /// <summary>The end-of-run summary: a table and the run folder, or with <paramref name="json"/> one JSON object on stdout.</summary>
    public static void WriteSummary(string directory, IReadOnlyList<ArmProgress> arms, bool json)
    {
        if (json)
        {
            Console.Out.WriteLine(RunSummary.ToJson(directory, arms));
            return;
        }
        RunSummary.Write(AnsiConsole.Console, arms);
        PublishedComparison.Write(AnsiConsole.Console, arms);
        AnsiConsole.Console.MarkupLineInterpolated($"Run folder: [bold]{directory}[/] (run.db, events.jsonl, candidates/, logs/)");
    }
}
