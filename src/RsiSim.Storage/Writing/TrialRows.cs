using Microsoft.Data.Sqlite;
using RsiSim.Core.Runs;
using RsiSim.Storage.Sql;

namespace RsiSim.Storage.Writing;

/// <summary>Keeps a trial's row current: started (again, on a resume), its best after each attempt, finished.</summary>
internal static class TrialRows
{
    public static void Started(SqliteTransaction transaction, TrialStarted started, DateTimeOffset at) =>
        SqlCommands.Execute(transaction.Connection!, transaction, """
            INSERT INTO trials (arm, trial, seed, started_at) VALUES ($arm, $trial, $seed, $at)
            ON CONFLICT (arm, trial) DO UPDATE SET resumes = resumes + 1
            """,
            ("$arm", started.Trial.Arm), ("$trial", started.Trial.Index), ("$seed", SqlValues.Text(started.Seed)), ("$at", SqlValues.Text(at)));

    public static void AttemptRecorded(SqliteTransaction transaction, AttemptCompleted completed) =>
        SqlCommands.Execute(transaction.Connection!, transaction, """
            UPDATE trials SET attempts = $attempts, best_speedup = $best,
                best_hash = CASE WHEN $improved THEN $hash ELSE best_hash END
            WHERE arm = $arm AND trial = $trial
            """,
            ("$attempts", completed.Attempt.Index), ("$best", completed.Attempt.BestSpeedup),
            ("$improved", completed.Attempt.Status == Core.Attempts.AttemptStatus.Improved), ("$hash", completed.Attempt.CandidateHash),
            ("$arm", completed.Trial.Arm), ("$trial", completed.Trial.Index));

    public static void Finished(SqliteTransaction transaction, TrialFinished finished, DateTimeOffset at) =>
        SqlCommands.Execute(transaction.Connection!, transaction, """
            UPDATE trials SET finished_at = $at, stop_reason = $reason, best_speedup = $best, best_hash = $hash, attempts = $attempts
            WHERE arm = $arm AND trial = $trial
            """,
            ("$at", SqlValues.Text(at)), ("$reason", finished.Outcome.StopReason), ("$best", finished.Outcome.BestSpeedup),
            ("$hash", finished.Outcome.BestHash), ("$attempts", finished.Outcome.Attempts),
            ("$arm", finished.Trial.Arm), ("$trial", finished.Trial.Index));
}
