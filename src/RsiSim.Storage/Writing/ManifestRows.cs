using Microsoft.Data.Sqlite;
using RsiSim.Storage.Sql;

namespace RsiSim.Storage.Writing;

/// <summary>Writes the runs row and one arms row per arm.</summary>
internal static class ManifestRows
{
    public static void Add(SqliteTransaction transaction, RunManifest manifest, DateTimeOffset at)
    {
        var connection = transaction.Connection!;
        SqlCommands.Execute(connection, transaction, """
            INSERT INTO runs (id, name, scenario_yaml, task_id, size, seed, trials, machine, machine_id, tool_version, created_at)
            VALUES (1, $name, $yaml, $task, $size, $seed, $trials, $machine, $machineId, $tool, $at)
            """,
            ("$name", manifest.Name), ("$yaml", manifest.ScenarioYaml), ("$task", manifest.TaskId), ("$size", manifest.Size),
            ("$seed", SqlValues.Text(manifest.Seed)), ("$trials", manifest.Trials), ("$machine", manifest.Machine),
            ("$machineId", manifest.MachineId), ("$tool", manifest.ToolVersion), ("$at", SqlValues.Text(at)));
        for (int i = 0; i < manifest.Arms.Length; i++)
        {
            var arm = manifest.Arms[i];
            SqlCommands.Execute(connection, transaction, "INSERT INTO arms (name, position, agent, options_json) VALUES ($name, $position, $agent, $options)",
                ("$name", arm.Name), ("$position", i), ("$agent", arm.Agent), ("$options", arm.OptionsJson));
        }
    }
}
