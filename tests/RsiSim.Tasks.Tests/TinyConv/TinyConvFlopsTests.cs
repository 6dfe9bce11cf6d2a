using RsiSim.Contracts.TinyConv;
using RsiSim.Tasks.TinyConv;

namespace RsiSim.Tasks.Tests.TinyConv;

public sealed class TinyConvFlopsTests
{
    [Fact]
    public void The_flop_count_of_a_tiny_run_matches_a_count_by_hand()
    {
        // Length 4, Filters 1, Width 2 (so 3 positions), Classes 2, Batch 2, 1 step. Per sample:
        // convolution 2*1*3*2 + bias 3 = 15; ReLU 3; pooling 3 + 1 = 4; dense 2*1*2 + 2 = 6; softmax 3*2 = 6;
        // logit gradient 2*2 = 4; dense gradient 2*1*2 + 2 = 6; pooled gradient 2*1*2 + 1 = 5; ReLU gradient 3;
        // kernel gradient 2*1*3*2 + bias 3 = 15. Sum 15+3+4+6+6+4+6+5+3+15 = 67, times 2 samples = 134.
        // Parameters 1*2 + 1 + 1*2 + 2 = 7, update 4*7 = 28. Total 134 + 28 = 162.
        var config = new TinyConvConfig(Length: 4, Filters: 1, Width: 2, Classes: 2, BatchSize: 2, Steps: 1, Momentum: 0.9);

        Assert.Equal(162, TinyConvFlops.PerRun(config));
    }

    [Fact]
    public void A_run_counts_every_step()
    {
        var config = TinyConvSize.Small.Config;

        Assert.Equal(TinyConvFlops.PerStep(config) * config.Steps, TinyConvFlops.PerRun(config));
    }

    [Fact]
    public void The_task_reports_the_count_of_the_size_it_is_asked_for()
    {
        Assert.Equal(TinyConvFlops.PerRun(TinyConvSize.Standard.Config), TinyConvTask.Instance.FlopsPerRun("standard"));
        Assert.Throws<ArgumentException>(() => TinyConvTask.Instance.FlopsPerRun("huge"));
    }
}
