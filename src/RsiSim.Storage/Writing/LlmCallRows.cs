using Microsoft.Data.Sqlite;
using RsiSim.Storage.Sql;

namespace RsiSim.Storage.Writing;

/// <summary>Inserts one language-model call; returns its id.</summary>
internal static class LlmCallRows
{
    public static long Add(SqliteConnection connection, LlmCallRecord call, DateTimeOffset at) =>
        SqlCommands.Scalar<long>(connection, null, """
            INSERT INTO llm_calls (arm, trial, attempt, request_json, reply_json, input_tokens, output_tokens, cost, latency_ms, retries, error, called_at)
            VALUES ($arm, $trial, $attempt, $request, $reply, $in, $out, $cost, $latency, $retries, $error, $at)
            RETURNING id
            """,
            ("$arm", call.Trial.Arm), ("$trial", call.Trial.Index), ("$attempt", call.Attempt), ("$request", call.RequestJson),
            ("$reply", call.ReplyJson), ("$in", call.InputTokens), ("$out", call.OutputTokens), ("$cost", SqlValues.Text(call.Cost)),
            ("$latency", call.LatencyMs), ("$retries", call.Retries), ("$error", call.Error), ("$at", SqlValues.Text(at)));
}
