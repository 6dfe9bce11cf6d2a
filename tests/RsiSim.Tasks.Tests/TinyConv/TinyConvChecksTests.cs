using RsiSim.Core.Tasks;
using RsiSim.Tasks.TinyConv;

namespace RsiSim.Tasks.Tests.TinyConv;

public sealed class TinyConvChecksTests
{
    private static readonly TinyConvTask Task = TinyConvTask.Instance;

    [Fact]
    public void The_expert_in_float32_with_reordered_sums_stays_ten_times_inside_the_tolerances()
    {
        using var candidate = new CompiledCandidate(Task, Task.Compose(Task.Landmark(Landmark.Expert).Moves));

        var checks = candidate.Check(TaskCases.Reference("tinyconv"), "small", 17);

        Assert.All(checks.Where(c => c.Value is not null), c => Assert.True(c.Value < c.Limit / 10, $"{c.Name}: {c.Value} is not 10x inside {c.Limit}"));
    }

    [Fact]
    public void A_candidate_that_exports_the_wrong_shape_fails_shapes_and_is_not_scored()
    {
        var reference = TaskCases.Reference("tinyconv");
        var output = reference.Run("tiny", 3);
        var truncated = output with { Tensors = output.Tensors.SetItem(TinyConvHarness.TensorNames[0], new double[3]) };

        var checks = Task.Harness.Check("tiny", 3, truncated, output);

        Assert.Equal(["shapes", "finite"], checks.Select(c => c.Name));
        Assert.False(checks[0].Passed);
        Assert.Contains("kernels has 3 values", checks[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_candidate_whose_weights_blew_up_fails_finite()
    {
        var reference = TaskCases.Reference("tinyconv");
        var output = reference.Run("tiny", 3);
        var bias = (double[])output.Tensors[TinyConvHarness.TensorNames[3]].Clone();
        bias[1] = double.NaN;

        var checks = Task.Harness.Check("tiny", 3, output with { Tensors = output.Tensors.SetItem(TinyConvHarness.TensorNames[3], bias) }, output);

        Assert.False(checks.Single(c => c.Name == "finite").Passed);
    }
}
