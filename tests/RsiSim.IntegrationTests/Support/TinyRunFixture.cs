using Microsoft.Data.Sqlite;

namespace RsiSim.IntegrationTests.Support;

/// <summary>One real run of a tiny scenario, made once by the rsisim process for the report, compare and export tests, and copies of it with a changed fact.</summary>
public sealed class TinyRunFixture : IAsyncLifetime
{
    private const string Scenario = """
        name: tiny-report
        task: { id: tinylm, size: tiny }
        seed: 11
        trials: 2
        budget: { attempts: 3 }
        arms:
          - { name: greedy, agent: greedy }
          - { name: random, agent: random }
        """;

    private readonly TempFolder _folder = new();

    public string Root => _folder.Path;

    public string Run { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        string scenario = _folder.Write("tiny.yaml", Scenario);
        var result = await CliProcess.RunAsync(_folder.Path, TimeSpan.FromMinutes(3), "run", scenario, "--out", "runs");
        Assert.True(result.ExitCode == 0, result.ToString());
        Run = Assert.Single(Directory.GetDirectories(Path.Combine(_folder.Path, "runs")));
    }

    /// <summary>A copy of the run with one SQL statement applied to its database, as if it had run elsewhere.</summary>
    public string CopyWith(string name, string sql)
    {
        string copy = Path.Combine(Root, "copies", name);
        foreach (string file in Directory.GetFiles(Run, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(copy, Path.GetRelativePath(Run, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        using var connection = new SqliteConnection($"Data Source={Path.Combine(copy, "run.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
        return copy;
    }

    public ValueTask DisposeAsync()
    {
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }
}
