using RsiSim.Core.Attempts;

namespace RsiSim.Reporting.Export;

/// <summary>The columns of the attempts table, in file order; docs/export-format.md documents each and a test keeps the two equal.</summary>
public static class AttemptColumns
{
    public static IReadOnlyList<ExportColumn<AttemptRow>> All { get; } =
    [
        new("run", "scenario name of the run", r => r.Run.Run.Manifest.Name),
        new("run_folder", "name of the run folder (unique even when runs share a scenario name)", r => r.Run.Folder),
        new("arm", "arm name", r => r.Arm.Name),
        new("agent", "agent kind of the arm", r => r.Arm.Agent),
        new("trial", "0-based trial index", r => r.Attempt.Trial.Index),
        new("attempt", "1-based attempt index within the trial", r => r.Attempt.Record.Index),
        new("status", "how the attempt ended: improved, not-faster, wrong-result, compile-error, policy-violation, timeout, crash, out-of-memory, edit-failed, agent-error", r => r.Attempt.Record.Status.ToName()),
        new("valid", "true when the candidate passed every check (improved or not-faster)", r => r.Attempt.Record.Status.IsValid()),
        new("candidate_hash", "proposed candidate; empty for edit-failed and agent-error", r => r.Attempt.Record.CandidateHash),
        new("parent_hash", "candidate it was derived from", r => r.Attempt.Record.ParentHash),
        new("moves", "the candidate's moves, separated by ';' (offline agents)", r => string.Join(';', r.Attempt.Record.Moves)),
        new("description", "what the agent said it did", r => r.Attempt.Record.Description),
        new("speedup", "measured speedup of a valid candidate (the confirmation, for improved); empty otherwise", r => r.Attempt.Record.Speedup),
        new("speedup_ci_low", "lower bound of the speedup's 95% interval; empty when not timed", r => r.Attempt.Evaluation?.Timing?.Low),
        new("speedup_ci_high", "upper bound of the speedup's 95% interval; empty when not timed", r => r.Attempt.Evaluation?.Timing?.High),
        new("best_speedup", "the trial's best speedup after this attempt (1 until an improvement; never decreases)", r => r.Attempt.Record.BestSpeedup),
        new("baseline_median_seconds", "median time of the reference's timed repetitions in this evaluation; empty when not timed", r => r.Attempt.Evaluation?.Timing?.BaselineMedian),
        new("candidate_median_seconds", "median time of the candidate's timed repetitions; empty when not timed", r => r.Attempt.Evaluation?.Timing?.CandidateMedian),
        new("from_cache", "true when the evaluation was reused from the cache; empty when nothing was evaluated", r => r.Attempt.Evaluation?.FromCache),
        new("input_tokens", "prompt tokens of this proposal", r => r.Attempt.Record.Usage.InputTokens),
        new("output_tokens", "completion tokens of this proposal", r => r.Attempt.Record.Usage.OutputTokens),
        new("cost", "money this proposal cost", r => r.Attempt.Record.Usage.Cost),
        new("simulated_minutes", "simulated agent minutes of this proposal (personas)", r => r.Attempt.Record.Usage.SimulatedMinutes),
        new("spent_attempts", "attempts the trial had made when this one ended", r => r.Attempt.Record.Spent.Attempts),
        new("spent_wall_seconds", "wall seconds the trial had spent when this attempt ended, interruptions excluded", r => r.Attempt.Record.Spent.Wall.TotalSeconds),
        new("spent_tokens", "tokens the trial had spent", r => r.Attempt.Record.Spent.Tokens),
        new("spent_money", "money the trial had spent", r => r.Attempt.Record.Spent.Money),
        new("spent_hours", "simulated hours the trial had spent", r => r.Attempt.Record.Spent.SimulatedHours),
        new("recorded_at", "when the attempt was committed (UTC, ISO 8601)", r => r.Attempt.RecordedAt),
        new("detail", "why it ended so: the compile error, the failed check, the timing", r => r.Attempt.Record.Detail),
    ];
}
