using System.Text.Json;
using Microsoft.Data.Sqlite;
using RsiSim.Core.Attempts;
using RsiSim.Core.Evaluations;
using RsiSim.Core.Runs;
using RsiSim.Storage.Sql;

namespace RsiSim.Storage.Writing;

/// <summary>Inserts an attempt, its evaluation and one measurement row per timed repetition.</summary>
internal static class AttemptRows
{
    public static long Add(SqliteTransaction transaction, AttemptCompleted completed, DateTimeOffset at)
    {
        var a = completed.Attempt;
        return SqlCommands.Scalar<long>(transaction.Connection!, transaction, """
            INSERT INTO attempts (arm, trial, attempt, status, candidate_hash, parent_hash, description, moves_json,
                speedup, best_speedup, detail, input_tokens, output_tokens, cost, simulated_minutes,
                spent_attempts, spent_wall_seconds, spent_tokens, spent_money, spent_hours, random_state, recorded_at)
            VALUES ($arm, $trial, $attempt, $status, $hash, $parent, $description, $moves,
                $speedup, $best, $detail, $in, $out, $cost, $minutes,
                $sAttempts, $sWall, $sTokens, $sMoney, $sHours, $random, $at)
            RETURNING id
            """,
            ("$arm", completed.Trial.Arm), ("$trial", completed.Trial.Index), ("$attempt", a.Index), ("$status", a.Status.ToName()),
            ("$hash", a.CandidateHash), ("$parent", a.ParentHash), ("$description", a.Description),
            ("$moves", JsonSerializer.Serialize(a.Moves, JsonLines.SerializerOptions)), ("$speedup", a.Speedup), ("$best", a.BestSpeedup),
            ("$detail", a.Detail), ("$in", a.Usage.InputTokens), ("$out", a.Usage.OutputTokens), ("$cost", SqlValues.Text(a.Usage.Cost)),
            ("$minutes", a.Usage.SimulatedMinutes), ("$sAttempts", a.Spent.Attempts), ("$sWall", SqlValues.Seconds(a.Spent.Wall)),
            ("$sTokens", a.Spent.Tokens), ("$sMoney", SqlValues.Text(a.Spent.Money)), ("$sHours", a.Spent.SimulatedHours),
            ("$random", SqlValues.Text(completed.RandomState)), ("$at", SqlValues.Text(at)));
    }

    public static void AddEvaluation(SqliteTransaction transaction, long attemptId, EvaluationResult evaluation)
    {
        var timing = evaluation.Timing;
        SqlCommands.Execute(transaction.Connection!, transaction, """
            INSERT INTO evaluations (attempt_id, status, summary, checks_json, diagnostics_json, timed, speedup, ci_low, ci_high, output, from_cache)
            VALUES ($id, $status, $summary, $checks, $diagnostics, $timed, $speedup, $low, $high, $output, $cache)
            """,
            ("$id", attemptId), ("$status", evaluation.Status.ToName()), ("$summary", evaluation.Summary),
            ("$checks", JsonSerializer.Serialize(evaluation.Checks, JsonLines.SerializerOptions)),
            ("$diagnostics", JsonSerializer.Serialize(evaluation.Diagnostics, JsonLines.SerializerOptions)),
            ("$timed", timing is not null), ("$speedup", timing?.Speedup), ("$low", timing?.Low), ("$high", timing?.High),
            ("$output", evaluation.Output), ("$cache", evaluation.FromCache));
        if (timing is not null)
        {
            AddMeasurements(transaction, attemptId, "baseline", timing.BaselineSeconds);
            AddMeasurements(transaction, attemptId, "candidate", timing.CandidateSeconds);
        }
    }

    private static void AddMeasurements(SqliteTransaction transaction, long attemptId, string side, IReadOnlyList<double> seconds)
    {
        using var command = SqlCommands.Create(transaction.Connection!, transaction,
            "INSERT INTO measurements (attempt_id, side, repetition, seconds) VALUES ($id, $side, $repetition, $seconds)",
            ("$id", attemptId), ("$side", side), ("$repetition", 0), ("$seconds", 0.0));
        for (int i = 0; i < seconds.Count; i++)
        {
            command.Parameters["$repetition"].Value = i + 1;
            command.Parameters["$seconds"].Value = seconds[i];
            command.ExecuteNonQuery();
        }
    }
}
