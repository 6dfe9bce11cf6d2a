using RsiSim.IntegrationTests.Support;

namespace RsiSim.IntegrationTests.Cli;

public sealed class ReportCommandTests(TinyRunFixture fixture) : IClassFixture<TinyRunFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Report_writes_the_html_into_the_run_folder_and_each_chart_as_svg_and_png_beside_it()
    {
        var result = await CliProcess.RunAsync(fixture.Root, Timeout, "report", fixture.Run);

        Assert.True(result.ExitCode == 0, result.ToString());
        string html = File.ReadAllText(Path.Combine(fixture.Run, "report.html"));
        Assert.Contains("RsiSim report: tiny-report", html, StringComparison.Ordinal);
        foreach (string chart in new[] { "curve-attempts", "curve-wall", "final-best", "statuses" })
        {
            Assert.True(File.Exists(Path.Combine(fixture.Run, "charts", chart + ".svg")), chart);
            Assert.True(new FileInfo(Path.Combine(fixture.Run, "charts", chart + ".png")).Length > 10_000, chart);
        }
        Assert.Contains("average best", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("greedy", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_of_a_missing_folder_exits_1_with_one_clear_line()
    {
        var result = await CliProcess.RunAsync(fixture.Root, Timeout, "report", Path.Combine(fixture.Root, "no-such-run"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot read the run folder", Flat.Text(result.Stderr), StringComparison.Ordinal);
        Assert.Contains("no-such-run", Flat.Text(result.Stderr), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_of_a_folder_that_is_not_a_run_exits_1()
    {
        string folder = Path.Combine(fixture.Root, "not-a-run");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "run.db"), "not sqlite");

        var result = await CliProcess.RunAsync(fixture.Root, Timeout, "report", folder);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot read the run folder", Flat.Text(result.Stderr), StringComparison.Ordinal);
    }
}
