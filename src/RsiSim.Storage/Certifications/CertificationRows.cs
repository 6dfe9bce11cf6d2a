using Microsoft.Data.Sqlite;
using RsiSim.Storage.Sql;

namespace RsiSim.Storage.Certifications;

/// <summary>The two additive tables certifications live in, and their rows. Created on first use, so runs of any schema-1 rsisim can be certified.</summary>
internal static class CertificationRows
{
    public const string CreateTables = """
        CREATE TABLE IF NOT EXISTS certifications (
            id INTEGER PRIMARY KEY, certified_at TEXT NOT NULL, seed TEXT NOT NULL, job TEXT NOT NULL,
            tool_version TEXT NOT NULL, load_average REAL);
        CREATE TABLE IF NOT EXISTS certified_arms (
            certification_id INTEGER NOT NULL REFERENCES certifications(id), arm TEXT NOT NULL REFERENCES arms(name),
            trial INTEGER NOT NULL, candidate_hash TEXT NOT NULL, status TEXT NOT NULL,
            rsisim_speedup REAL NOT NULL, rsisim_ci_low REAL, rsisim_ci_high REAL,
            reference_median_seconds REAL, candidate_median_seconds REAL, certified_speedup REAL, detail TEXT NOT NULL,
            PRIMARY KEY (certification_id, arm));
        """;

    public static void Add(SqliteConnection connection, SqliteTransaction transaction, RunCertification certification)
    {
        SqlCommands.Execute(connection, transaction, CreateTables);
        long id = SqlCommands.Scalar<long>(connection, transaction, """
            INSERT INTO certifications (certified_at, seed, job, tool_version, load_average) VALUES ($at, $seed, $job, $tool, $load)
            RETURNING id
            """,
            ("$at", SqlValues.Text(certification.CertifiedAt)), ("$seed", SqlValues.Text(certification.Seed)), ("$job", certification.Job),
            ("$tool", certification.ToolVersion), ("$load", certification.LoadAverage));
        foreach (var arm in certification.Arms)
        {
            SqlCommands.Execute(connection, transaction, """
                INSERT INTO certified_arms (certification_id, arm, trial, candidate_hash, status, rsisim_speedup, rsisim_ci_low, rsisim_ci_high,
                    reference_median_seconds, candidate_median_seconds, certified_speedup, detail)
                VALUES ($id, $arm, $trial, $hash, $status, $speedup, $low, $high, $reference, $candidate, $certified, $detail)
                """,
                ("$id", id), ("$arm", arm.Arm), ("$trial", arm.Trial), ("$hash", arm.CandidateHash), ("$status", arm.Status),
                ("$speedup", arm.RsiSimSpeedup), ("$low", arm.RsiSimLow), ("$high", arm.RsiSimHigh), ("$reference", arm.ReferenceMedianSeconds),
                ("$candidate", arm.CandidateMedianSeconds), ("$certified", arm.CertifiedSpeedup), ("$detail", arm.Detail));
        }
    }

    /// <summary>Every certification of the run, oldest first; none when the run was never certified (the tables do not exist).</summary>
    public static List<RunCertification> Read(SqliteConnection connection)
    {
        if (SqlCommands.Scalar<long>(connection, null, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'certified_arms'") == 0)
        {
            return [];
        }
        var arms = SqlRows.Query(connection, """
            SELECT c.*, a.position FROM certified_arms c LEFT JOIN arms a ON a.name = c.arm ORDER BY c.certification_id, a.position, c.arm
            """,
            row => (Id: row.Long("certification_id"), Arm: new CertifiedArm(
                row.Text("arm"), row.Int("trial"), row.Text("candidate_hash"), row.Text("status"), row.Double("rsisim_speedup"),
                row.DoubleOrNull("rsisim_ci_low"), row.DoubleOrNull("rsisim_ci_high"), row.DoubleOrNull("reference_median_seconds"),
                row.DoubleOrNull("candidate_median_seconds"), row.DoubleOrNull("certified_speedup"), row.Text("detail")))).ToLookup(a => a.Id, a => a.Arm);
        return SqlRows.Query(connection, "SELECT * FROM certifications ORDER BY id", row => new RunCertification(
            row.Time("certified_at"), SqlValues.ULong(row.Text("seed")), row.Text("job"), row.Text("tool_version"), row.DoubleOrNull("load_average"),
            [.. arms[row.Long("id")]]));
    }
}
