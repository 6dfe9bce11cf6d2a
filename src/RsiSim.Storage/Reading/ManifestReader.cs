using Microsoft.Data.Sqlite;
using RsiSim.Storage.Sql;

namespace RsiSim.Storage.Reading;

/// <summary>Reads the runs and arms rows back into a <see cref="RunManifest"/>.</summary>
internal static class ManifestReader
{
    public static (RunManifest Manifest, DateTimeOffset CreatedAt) Read(SqliteConnection connection, string file)
    {
        var arms = SqlRows.Query(connection, "SELECT name, agent, options_json FROM arms ORDER BY position",
            row => new RunArm(row.Text("name"), row.Text("agent"), row.Text("options_json")));
        var runs = SqlRows.Query(connection, "SELECT * FROM runs", row => (Manifest: new RunManifest
        {
            Name = row.Text("name"),
            ScenarioYaml = row.Text("scenario_yaml"),
            TaskId = row.Text("task_id"),
            Size = row.Text("size"),
            Seed = SqlValues.ULong(row.Text("seed")),
            Trials = row.Int("trials"),
            Arms = [.. arms],
            Machine = row.Text("machine"),
            MachineId = row.Text("machine_id"),
            ToolVersion = row.Text("tool_version"),
        }, CreatedAt: row.Time("created_at")));
        return runs is [var run] ? run : throw new RunStoreException(RunStoreErrorKind.InvalidFolder, $"{file} holds no run.");
    }
}
