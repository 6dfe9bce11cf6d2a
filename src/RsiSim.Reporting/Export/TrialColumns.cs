using RsiSim.Core.Attempts;
using RsiSim.Reporting.Stats;

namespace RsiSim.Reporting.Export;

/// <summary>The columns of the trials table, in file order; docs/export-format.md documents each and a test keeps the two equal.</summary>
public static class TrialColumns
{
    public static IReadOnlyList<ExportColumn<TrialRow>> All { get; } =
    [
        new("run", "scenario name of the run", r => r.Run.Run.Manifest.Name),
        new("run_folder", "name of the run folder", r => r.Run.Folder),
        new("task", "task id, e.g. tinylm", r => r.Run.Run.Manifest.TaskId),
        new("size", "task size, e.g. small", r => r.Run.Run.Manifest.Size),
        new("arm", "arm name", r => r.Arm.Name),
        new("agent", "agent kind of the arm", r => r.Arm.Agent),
        new("trial", "0-based trial index", r => r.Trial.Index),
        new("seed", "the trial's seed (64-bit unsigned; a string in JSON)", r => r.Trial.Trial.Seed),
        new("attempts", "attempts recorded", r => r.Trial.Attempts.Count),
        new("valid_attempts", "attempts whose candidate passed every check", r => r.Trial.Attempts.Count(a => a.Record.Status.IsValid())),
        new("improved_attempts", "attempts that set a new, confirmed best", r => r.Trial.Attempts.Count(a => a.Record.Status == AttemptStatus.Improved)),
        new("best_speedup", "the trial's best valid speedup (1 when nothing beat the reference)", r => r.Trial.BestSpeedup),
        new("best_hash", "the best candidate (the reference's hash when the trial never improved); empty while unfinished and unimproved", r => r.Trial.Trial.BestHash),
        new("attempts_to_2x", "first attempt after which the trial's best was at least 2x; empty if never", r => Milestone.FirstAttemptReaching(r.Trial.Attempts, 2)),
        new("attempts_to_4x", "first attempt after which the best was at least 4x; empty if never", r => Milestone.FirstAttemptReaching(r.Trial.Attempts, 4)),
        new("attempts_to_10x", "first attempt after which the best was at least 10x; empty if never", r => Milestone.FirstAttemptReaching(r.Trial.Attempts, 10)),
        new("spent_wall_seconds", "wall seconds spent, interruptions excluded", r => Last(r)?.Wall.TotalSeconds ?? 0),
        new("spent_tokens", "tokens spent", r => Last(r)?.Tokens ?? 0),
        new("spent_money", "money spent", r => Last(r)?.Money ?? 0m),
        new("spent_hours", "simulated hours spent", r => Last(r)?.SimulatedHours ?? 0),
        new("stop_reason", "which budget ran out (attempts, wall, tokens, money, hours), agent-finished: ... or agent-failed: ... (5 agent errors in a row); empty while unfinished", r => r.Trial.Trial.StopReason),
        new("finished", "true when the trial finished", r => r.Trial.Trial.Finished),
        new("resumes", "times the trial was started again after an interruption", r => r.Trial.Trial.Resumes),
        new("started_at", "first start (UTC, ISO 8601)", r => r.Trial.Trial.StartedAt),
        new("finished_at", "finish (UTC, ISO 8601); empty while unfinished", r => r.Trial.Trial.FinishedAt),
    ];

    private static Core.Budgets.BudgetUsage? Last(TrialRow row) => row.Trial.Attempts.Count == 0 ? null : row.Trial.Attempts[^1].Record.Spent;
}
