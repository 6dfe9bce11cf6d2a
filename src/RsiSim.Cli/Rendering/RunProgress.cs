using System.Globalization;
using RsiSim.Core.Attempts;
using RsiSim.Core.Runs;
using RsiSim.Storage.Reading;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RsiSim.Cli.Rendering;

/// <summary>Follows a run's events per arm, and renders them as a live table or, when output is redirected, as lines.</summary>
internal sealed class RunProgress(Scenario scenario, IAnsiConsole console, bool lines) : IRunEventSink
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ArmProgress> _arms = scenario.Arms.ToDictionary(
        a => a.Name, a => new ArmProgress(a.Name, a.Agent, scenario.Trials, a.Agent == "persona" ? a.Options.Text("profile") : null, scenario.LoopOf(a).Compounding),
        StringComparer.Ordinal);

    public event Action? Changed;

    public IReadOnlyList<ArmProgress> Arms => [.. scenario.Arms.Select(a => _arms[a.Name])];

    public ValueTask WriteAsync(RunEvent runEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runEvent);
        lock (_gate)
        {
            var arm = _arms[runEvent.Trial.Arm];
            switch (runEvent)
            {
                case AttemptCompleted completed:
                    arm.Record(runEvent.Trial.Index, completed.Attempt);
                    if (lines)
                    {
                        var a = completed.Attempt;
                        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"{runEvent.Trial} attempt {a.Index}: {a.Status.ToName()}{(a.Speedup is { } s ? $" {s:0.00}x" : "")} (best {a.BestSpeedup:0.00}x) {Shorten(a.Description)}"));
                    }
                    break;
                case TrialFinished finished:
                    arm.Finish(runEvent.Trial.Index, finished.Outcome.BestSpeedup);
                    if (lines)
                    {
                        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"{runEvent.Trial} finished ({finished.Outcome.StopReason}): best {finished.Outcome.BestSpeedup:0.00}x in {finished.Outcome.Attempts} attempts"));
                    }
                    break;
            }
        }
        Changed?.Invoke();
        return ValueTask.CompletedTask;
    }

    /// <summary>Counts what a resumed run had already recorded, silently, so that progress and summary cover the whole run.</summary>
    public void Restore(StoredRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        lock (_gate)
        {
            foreach (var attempt in run.Attempts.Where(a => _arms.ContainsKey(a.Trial.Arm)))
            {
                _arms[attempt.Trial.Arm].Record(attempt.Trial.Index, attempt.Record);
            }
            foreach (var trial in run.Trials.Where(t => t.Finished && _arms.ContainsKey(t.Key.Arm)))
            {
                _arms[trial.Key.Arm].Finish(trial.Key.Index, trial.BestSpeedup);
            }
        }
    }

    /// <summary>The live view: one row per arm.</summary>
    public IRenderable Render()
    {
        lock (_gate)
        {
            var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(scenario.Name)}[/]: {scenario.TaskId}/{scenario.Size}")
                .AddColumn("arm").AddColumn("trials").AddColumn("attempts").AddColumn("valid").AddColumn("best (median)").AddColumn("best (max)").AddColumn("tokens").AddColumn("cost").AddColumn("last");
            foreach (var arm in Arms)
            {
                table.AddRow(
                    Markup.Escape(arm.Name),
                    $"{arm.FinishedTrials}/{arm.Trials}",
                    arm.Attempts.ToString(CultureInfo.InvariantCulture),
                    arm.Valid.ToString(CultureInfo.InvariantCulture),
                    arm.MedianBest.ToString("0.00x", CultureInfo.InvariantCulture),
                    arm.MaxBest.ToString("0.00x", CultureInfo.InvariantCulture),
                    arm.Tokens.ToString("N0", CultureInfo.InvariantCulture),
                    arm.Cost.ToString("$0.00", CultureInfo.InvariantCulture),
                    Markup.Escape(arm.LastStatus));
            }
            return table;
        }
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
