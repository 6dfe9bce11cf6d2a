namespace RsiSim.Tasks.Tests.TinyLm;

public sealed class TinyLmChecksTests
{
    [Fact]
    public void Float32_with_reordered_sums_stays_far_inside_the_tolerances()
    {
        var task = TaskCases.Task("tinylm");
        using var candidate = new CompiledCandidate(task, task.Compose(["float32", "loop-order-ikj"]));

        var checks = candidate.Check(TaskCases.Reference("tinylm"), "small", 17);

        Assert.All(checks.Where(c => c.Value is not null), c => Assert.True(c.Value < c.Limit / 100, $"{c.Name}: {c.Value} is not 100x inside {c.Limit}"));
    }
}
