using RsiSim.Core.Attempts;
using RsiSim.Reporting.Comparing;
using RsiSim.Reporting.Tests.Support;
using RsiSim.Storage.Reading;

namespace RsiSim.Reporting.Tests.Warnings;

public sealed class ComparisonWarningsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public async Task Runs_whose_reference_times_differ_by_more_than_a_fifth_are_flagged()
    {
        var fast = await RunAsync("fast", referenceSeconds: 0.010);
        var slow = await RunAsync("slow", referenceSeconds: 0.013);

        var comparison = ComparisonBuilder.Build([fast, slow], new ComparisonOptions());

        string warning = Assert.Single(comparison.Warnings);
        Assert.StartsWith("Reference times differ by 30%", warning, StringComparison.Ordinal);
        Assert.Contains("fast: 10.00 ms", warning, StringComparison.Ordinal);
        Assert.Contains("slow: 13.00 ms", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reference_times_within_a_fifth_of_each_other_are_not_flagged()
    {
        var fast = await RunAsync("fast", referenceSeconds: 0.010);
        var slow = await RunAsync("slow", referenceSeconds: 0.0115);

        var comparison = ComparisonBuilder.Build([fast, slow], new ComparisonOptions());

        Assert.Empty(comparison.Warnings);
    }

    [Fact]
    public async Task Runs_of_different_task_sizes_are_flagged_and_their_reference_times_are_not_compared()
    {
        var tiny = await RunAsync("tiny", referenceSeconds: 0.001, size: "tiny");
        var small = await RunAsync("small", referenceSeconds: 0.010, size: "small");

        var comparison = ComparisonBuilder.Build([tiny, small], new ComparisonOptions());

        string warning = Assert.Single(comparison.Warnings);
        Assert.Contains("different tasks or task sizes (tinylm/tiny: tiny; tinylm/small: small)", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_arm_without_a_valid_attempt_is_flagged_and_the_comparison_says_nothing_was_valid()
    {
        string directory = await TestRuns.WriteAsync(_temp.Path, "broken", [new ScriptedTrial("a", 0).Add(AttemptStatus.WrongResult).Add(AttemptStatus.CompileError)]);

        var comparison = ComparisonBuilder.Build([await TestRuns.LoadAsync(directory)], new ComparisonOptions());

        Assert.True(comparison.NothingValid);
        Assert.Equal(["a: no valid attempt in 2 attempts; every best speedup is 1x, the reference's."], comparison.Warnings);
        Assert.Equal(1.0, comparison.Statistics[0].AverageBest);
    }

    [Fact]
    public async Task Unfinished_trials_are_flagged()
    {
        string directory = await TestRuns.WriteAsync(_temp.Path, "killed", [new ScriptedTrial("a", 0).Add(AttemptStatus.Improved, 2)], finish: false);

        var comparison = ComparisonBuilder.Build([await TestRuns.LoadAsync(directory)], new ComparisonOptions());

        Assert.Equal(["killed: 1 of 1 trials are unfinished (interrupted, or still running); their bests so far are counted."], comparison.Warnings);
    }

    public void Dispose() => _temp.Dispose();

    private async Task<StoredRun> RunAsync(string name, double referenceSeconds, string size = "small")
    {
        var trial = new ScriptedTrial("greedy", 0) { ReferenceSeconds = referenceSeconds }.Add(AttemptStatus.Improved, 2);
        return await TestRuns.LoadAsync(await TestRuns.WriteAsync(_temp.Path, name, [trial], size));
    }
}
