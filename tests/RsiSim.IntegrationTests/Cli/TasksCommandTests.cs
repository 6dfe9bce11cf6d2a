using RsiSim.IntegrationTests.Support;

namespace RsiSim.IntegrationTests.Cli;

public sealed class TasksCommandTests
{
    [Fact]
    public async Task Both_tasks_are_listed()
    {
        using var folder = new TempFolder();

        var result = await CliProcess.RunAsync(folder.Path, TimeSpan.FromMinutes(1), "tasks");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("tinylm", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("tinyconv", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_measured_landscape_prints_the_expert_whose_summary_holds_brackets()
    {
        // The expert's summary carries its interval in brackets, which the terminal markup once took for a style.
        using var folder = new TempFolder();
        var cache = new Dictionary<string, string> { ["RSISIM_CACHE"] = Path.Combine(folder.Path, "cache") };

        var result = await CliProcess.RunAsync(folder.Path, TimeSpan.FromMinutes(5), cache, "tasks", "tinyconv", "--moves", "--size", "tiny");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("expert composition:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("off-by-one-window", result.Stdout, StringComparison.Ordinal);
    }
}
