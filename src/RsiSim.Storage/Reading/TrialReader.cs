using Microsoft.Data.Sqlite;
using RsiSim.Core.Trials;
using RsiSim.Storage.Sql;

namespace RsiSim.Storage.Reading;

/// <summary>Reads trials, resumes and language-model calls.</summary>
internal static class TrialReader
{
    public static List<StoredTrial> Trials(SqliteConnection connection) => SqlRows.Query(connection, """
        SELECT t.* FROM trials t JOIN arms a ON a.name = t.arm ORDER BY a.position, t.trial
        """,
        row => new StoredTrial(
            new TrialKey(row.Text("arm"), row.Int("trial")), SqlValues.ULong(row.Text("seed")), row.Time("started_at"),
            row.Int("resumes"), row.Int("attempts"), row.Double("best_speedup"), row.TextOrNull("best_hash"),
            row.TimeOrNull("finished_at"), row.TextOrNull("stop_reason")));

    public static List<StoredResume> Resumes(SqliteConnection connection) =>
        SqlRows.Query(connection, "SELECT * FROM resumes ORDER BY id", row => new StoredResume(row.Time("resumed_at"), row.Int("attempts_recorded")));

    public static List<StoredLlmCall> LlmCalls(SqliteConnection connection) => SqlRows.Query(connection, "SELECT * FROM llm_calls ORDER BY id",
        row => new StoredLlmCall(
            row.Long("id"),
            new LlmCallRecord(
                new TrialKey(row.Text("arm"), row.Int("trial")), row.Int("attempt"), row.Text("request_json"), row.TextOrNull("reply_json"),
                row.Long("input_tokens"), row.Long("output_tokens"), SqlValues.Decimal(row.Text("cost")), row.Long("latency_ms"),
                row.Int("retries"), row.TextOrNull("error")),
            row.Time("called_at")));
}
