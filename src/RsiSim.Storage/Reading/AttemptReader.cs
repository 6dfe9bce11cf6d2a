using Microsoft.Data.Sqlite;
using RsiSim.Core.Agents;
using RsiSim.Core.Attempts;
using RsiSim.Core.Budgets;
using RsiSim.Core.Trials;
using RsiSim.Storage.Sql;

namespace RsiSim.Storage.Reading;

/// <summary>Reads every attempt, with its evaluation and timed repetitions, exactly as written.</summary>
internal static class AttemptReader
{
    public static (List<StoredAttempt> Attempts, List<StoredMeasurement> Measurements) Read(SqliteConnection connection)
    {
        var measurements = SqlRows.Query(connection, """
            SELECT m.attempt_id, a.arm, a.trial, a.attempt, m.side, m.repetition, m.seconds
            FROM measurements m JOIN attempts a ON a.id = m.attempt_id
            ORDER BY m.attempt_id, m.side, m.repetition
            """,
            row => (Id: row.Long("attempt_id"), Row: new StoredMeasurement(
                new TrialKey(row.Text("arm"), row.Int("trial")), row.Int("attempt"), row.Text("side"), row.Int("repetition"), row.Double("seconds"))));
        var byAttempt = measurements.ToLookup(m => m.Id, m => m.Row);
        var attempts = SqlRows.Query(connection, """
            SELECT a.*, e.status AS e_status, e.summary AS e_summary, e.checks_json AS e_checks, e.diagnostics_json AS e_diagnostics,
                e.timed AS e_timed, e.speedup AS e_speedup, e.ci_low AS e_low, e.ci_high AS e_high, e.output AS e_output, e.from_cache AS e_cache
            FROM attempts a LEFT JOIN evaluations e ON e.attempt_id = a.id
            ORDER BY a.id
            """,
            row => new StoredAttempt(
                new TrialKey(row.Text("arm"), row.Int("trial")),
                Record(row),
                row.TextOrNull("e_status") is null ? null : EvaluationReader.Read(row, byAttempt[row.Long("id")]),
                SqlValues.ULong(row.Text("random_state")),
                row.Time("recorded_at")));
        return (attempts, [.. measurements.Select(m => m.Row)]);
    }

    private static AttemptRecord Record(SqliteDataReader row) => new(
        row.Int("attempt"),
        AttemptStatusNames.Parse(row.Text("status")),
        row.TextOrNull("candidate_hash"),
        row.TextOrNull("parent_hash"),
        row.Text("description"),
        CandidateReader.Moves(row.Text("moves_json")),
        row.DoubleOrNull("speedup"),
        row.Double("best_speedup"),
        row.Text("detail"),
        new AgentUsage(row.Long("input_tokens"), row.Long("output_tokens"), SqlValues.Decimal(row.Text("cost")), row.Double("simulated_minutes")),
        new BudgetUsage(
            row.Int("spent_attempts"),
            SqlValues.Wall(row.Double("spent_wall_seconds")),
            row.Long("spent_tokens"),
            SqlValues.Decimal(row.Text("spent_money")),
            row.Double("spent_hours")));
}
