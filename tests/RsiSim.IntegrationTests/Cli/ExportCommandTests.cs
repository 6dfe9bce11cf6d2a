using System.Text.Json;
using Microsoft.Data.Sqlite;
using RsiSim.IntegrationTests.Support;

namespace RsiSim.IntegrationTests.Cli;

public sealed class ExportCommandTests(TinyRunFixture fixture) : IClassFixture<TinyRunFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Export_as_csv_writes_one_row_per_attempt_and_one_per_trial()
    {
        string output = Path.Combine(fixture.Root, "csv");

        var result = await CliProcess.RunAsync(fixture.Root, Timeout, "export", fixture.Run, "--format", "csv", "--out", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        var attempts = File.ReadAllLines(Path.Combine(output, "attempts.csv"));
        var trials = File.ReadAllLines(Path.Combine(output, "trials.csv"));
        Assert.StartsWith("run,run_folder,arm,agent,trial,attempt,status,", attempts[0], StringComparison.Ordinal);
        Assert.Equal(Count("SELECT count(*) FROM trials"), trials.Length - 1);
        Assert.Equal(4, trials.Length - 1);
        Assert.Contains(attempts, line => line.StartsWith("tiny-report,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_as_json_writes_arrays_of_objects_into_the_run_folder_by_default()
    {
        var result = await CliProcess.RunAsync(fixture.Root, Timeout, "export", fixture.Run, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var attempts = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixture.Run, "export", "attempts.json")));
        Assert.Equal(Count("SELECT count(*) FROM attempts"), attempts.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Export_without_a_format_is_a_usage_error()
    {
        var result = await CliProcess.RunAsync(fixture.Root, Timeout, "export", fixture.Run);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--format is required", Flat.Text(result.Stderr), StringComparison.Ordinal);
    }

    private long Count(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(fixture.Run, "run.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
