using Microsoft.Extensions.Logging;
using RsiSim.Agents.Llm.Recording;
using RsiSim.Agents.Llm.Replay;
using RsiSim.Cli.Infrastructure;
using RsiSim.Cli.Rendering;
using RsiSim.Core.Agents;
using RsiSim.Core.Runs;
using RsiSim.Evaluation.Timing;
using RsiSim.Storage;
using Spectre.Console;

namespace RsiSim.Cli.Commands;

/// <summary>What run and resume share: drive the experiment into the store with live progress, then print the summary.</summary>
internal static class RunExecution
{
    public static async Task<int> ExecuteAsync(
        Composition composition,
        Scenario scenario,
        SqliteRunStore store,
        ResumePoint? resume,
        bool json,
        CancellationToken cancellationToken)
    {
        var output = AnsiConsole.Console;
        var error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        bool interactive = !json && !Console.IsOutputRedirected;
        var progress = new RunProgress(scenario, json ? error : output, lines: !interactive);
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
        if (json)
        {
            Console.Out.WriteLine(RunSummary.ToJson(store.Directory, progress.Arms));
        }
        else
        {
            RunSummary.Write(output, progress.Arms);
            output.MarkupLineInterpolated($"Run folder: [bold]{store.Directory}[/] (run.db, events.jsonl, candidates/, logs/)");
        }
        return ExitCodes.Success;
    }
}
