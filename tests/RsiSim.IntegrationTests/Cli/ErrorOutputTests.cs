using RsiSim.IntegrationTests.Support;

namespace RsiSim.IntegrationTests.Cli;

/// <summary>What rsisim prints on a redirected stderr is read by tools and logs: one message, one line.</summary>
public sealed class ErrorOutputTests
{
    [Fact]
    public async Task An_error_far_wider_than_80_columns_stays_on_one_line_when_stderr_is_redirected()
    {
        using var folder = new TempFolder();
        string missing = Path.Combine(folder.Path, string.Join('/', Enumerable.Repeat("a-folder-with-a-long-name", 8)));

        var result = await CliProcess.RunAsync(folder.Path, TimeSpan.FromMinutes(1), "report", missing);

        Assert.Equal(1, result.ExitCode);
        string line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(line.Length > 200, line);
        Assert.Contains($"{missing}: no such folder", line, StringComparison.Ordinal);
    }
}
