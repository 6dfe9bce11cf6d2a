using Microsoft.Data.Sqlite;
using RsiSim.IntegrationTests.Support;

namespace RsiSim.IntegrationTests.Cli;

public sealed class RunCommandTests
{
    private const string Scenario = """
        name: tiny-run
        task: { id: tinylm, size: tiny }
        seed: 7
        trials: 2
        budget: { attempts: 3 }
        arms:
          - { name: greedy, agent: greedy }
          - { name: random, agent: random }
        """;

    [Fact]
    public async Task A_run_leaves_a_database_with_one_row_per_attempt_and_the_event_log()
    {
        using var folder = new TempFolder();
        string scenario = folder.Write("tiny.yaml", Scenario);

        var result = await CliProcess.RunAsync(folder.Path, TimeSpan.FromMinutes(3), "run", scenario, "--out", "runs");

        Assert.True(result.ExitCode == 0, result.ToString());
        string run = Assert.Single(Directory.GetDirectories(Path.Combine(folder.Path, "runs")));
        Assert.EndsWith("-tiny-run", run, StringComparison.Ordinal);
        var perArm = Rows(run, "SELECT arm, COUNT(*) FROM attempts GROUP BY arm ORDER BY arm", r => (r.GetString(0), r.GetInt64(1)));
        Assert.Equal([("greedy", 6L), ("random", 6L)], perArm);
        // Without a timing section, every timed evaluation of the run makes exactly 5 pairs, whatever the intervals
        Assert.All(Rows(run, "SELECT COUNT(*) FROM measurements GROUP BY attempt_id, side", r => r.GetInt64(0)), n => Assert.Equal(5, n));
        var events = File.ReadAllLines(Path.Combine(run, "events.jsonl"));
        Assert.Equal(12, events.Count(l => l.StartsWith("{\"type\":\"attempt-completed\"", StringComparison.Ordinal)));
        Assert.Equal(4, events.Count(l => l.StartsWith("{\"type\":\"trial-finished\"", StringComparison.Ordinal)));
        Assert.Contains("greedy", result.Stdout, StringComparison.Ordinal);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(run, "candidates"), "*.cs"));
    }

    [Fact]
    public async Task The_scenario_s_timing_sets_how_many_pairs_each_evaluation_times()
    {
        using var folder = new TempFolder();
        string scenario = folder.Write("pairs.yaml", """
            name: pairs
            task: { id: tinylm, size: tiny }
            seed: 7
            timing: { repetitions: 3 }
            budget: { attempts: 2 }
            arms:
              - { name: greedy, agent: greedy }
            """);

        var result = await CliProcess.RunAsync(folder.Path, TimeSpan.FromMinutes(3), "run", scenario, "--out", "runs");

        Assert.True(result.ExitCode == 0, result.ToString());
        string run = Assert.Single(Directory.GetDirectories(Path.Combine(folder.Path, "runs")));
        var perSide = Rows(run, "SELECT COUNT(*) FROM measurements GROUP BY attempt_id, side", r => r.GetInt64(0));
        Assert.NotEmpty(perSide);
        Assert.All(perSide, n => Assert.Equal(3, n));
    }

    [Fact]
    public async Task A_malformed_scenario_prints_every_error_with_path_and_line_exits_1_and_creates_no_run_folder()
    {
        using var folder = new TempFolder();
        string scenario = folder.Write("bad.yaml", """
            name: bad
            task: { id: tinylm, size: huge }
            budget: { attempts: 0 }
            arms:
              - { name: a, agent: gredy }
            """);

        var result = await CliProcess.RunAsync(folder.Path, TimeSpan.FromMinutes(1), "run", scenario, "--out", "runs");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("bad.yaml:2:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("task.size", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("budget.attempts", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("arms[0].agent: unknown agent 'gredy' (did you mean 'greedy'?)", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "runs")));
    }

    [Fact]
    public async Task An_unknown_command_is_a_usage_error()
    {
        using var folder = new TempFolder();

        var result = await CliProcess.RunAsync(folder.Path, TimeSpan.FromMinutes(1), "frobnicate");

        Assert.Equal(2, result.ExitCode);
    }

    // Every row of a query on the run's database, read-only.
    private static List<T> Rows<T>(string run, string sql, Func<SqliteDataReader, T> read)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(run, "run.db")};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }
        return rows;
    }
}
