using RsiSim.IntegrationTests.Support;

namespace RsiSim.IntegrationTests.Cli;

public sealed class CompareCommandTests(TinyRunFixture fixture) : IClassFixture<TinyRunFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Compare_writes_html_svg_and_png_and_prints_the_arm_table_and_pairwise_probabilities()
    {
        string copy = fixture.CopyWith("same", "SELECT 1");
        string output = Path.Combine(fixture.Root, "compare-out", "ab.html");

        var result = await CliProcess.RunAsync(fixture.Root, Timeout, "compare", fixture.Run, copy, "--out", output, "--x", "wall");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(output));
        Assert.True(File.Exists(Path.Combine(fixture.Root, "compare-out", "charts", "curve-wall.png")));
        Assert.True(File.Exists(Path.Combine(fixture.Root, "compare-out", "charts", "curve-wall.svg")));
        Assert.Contains("tiny-report-1/greedy", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("tiny-report-2/random", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("P(A beats B)", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("warning:", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_warns_in_the_terminal_and_the_report_when_reference_times_differ_by_more_than_a_fifth()
    {
        string slower = fixture.CopyWith("slower", "UPDATE measurements SET seconds = seconds * 1.5 WHERE side = 'baseline'");
        string output = Path.Combine(fixture.Root, "slower.html");

        var result = await CliProcess.RunAsync(fixture.Root, Timeout, "compare", fixture.Run, slower, "--out", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("warning: Reference times differ by 50%", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Reference times differ by 50%", File.ReadAllText(output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_warns_when_the_runs_use_different_task_sizes()
    {
        string small = fixture.CopyWith("small", "UPDATE runs SET size = 'small'");

        var result = await CliProcess.RunAsync(fixture.Root, Timeout, "compare", fixture.Run, small, "--out", Path.Combine(fixture.Root, "sizes.html"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("warning: The runs use different tasks or task sizes", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_axis_is_a_usage_error_and_an_axis_nothing_recorded_is_refused_with_the_recorded_ones()
    {
        var unknown = await CliProcess.RunAsync(fixture.Root, Timeout, "compare", fixture.Run, "--x", "minutes");
        var unrecorded = await CliProcess.RunAsync(fixture.Root, Timeout, "compare", fixture.Run, "--x", "tokens", "--out", Path.Combine(fixture.Root, "tokens.html"));

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--x must be one of attempts, wall, tokens, cost, hours", Flat.Text(unknown.Stderr), StringComparison.Ordinal);
        Assert.Equal(1, unrecorded.ExitCode);
        Assert.Contains("no run recorded any tokens", Flat.Text(unrecorded.Stderr), StringComparison.Ordinal);
        Assert.Contains("recorded: attempts, wall", Flat.Text(unrecorded.Stderr), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_run_given_twice_is_refused()
    {
        var result = await CliProcess.RunAsync(fixture.Root, Timeout, "compare", fixture.Run, fixture.Run + "/");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is given 2 times", Flat.Text(result.Stderr), StringComparison.Ordinal);
    }
}
