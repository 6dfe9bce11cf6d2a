using RsiSim.Contracts.TinyLm;
using RsiSim.Tasks.TinyLm;

namespace RsiSim.Tasks.Tests.TinyLm;

public sealed class TinyLmFlopsTests
{
    [Fact]
    public void The_flop_count_of_a_tiny_run_matches_a_count_by_hand()
    {
        // Vocabulary 2, Context 1, Hidden 3, Batch 2, 1 step:
        // forward hidden 2*3*1 + bias 2*3 = 12; tanh 6; logits 2*2*3*2 + 2*2 = 28; softmax 3*2*2 = 12;
        // logit gradient 2*2*2 = 8; output gradient 2*2*3*2 + 2*2 = 28; hidden gradient 2*2*3*2 = 24;
        // tanh gradient 3*2*3 = 18; input gradient 2*1*3 + 2*3 = 12;
        // parameters 1*2*3 + 3 + 3*2 + 2 = 17, update 4*17 = 68. Total 12+6+28+12+8+28+24+18+12+68 = 216.
        var config = new TinyLmConfig(Vocabulary: 2, Context: 1, Hidden: 3, BatchSize: 2, Steps: 1, Momentum: 0.9);

        Assert.Equal(216, TinyLmFlops.PerRun(config));
    }

    [Fact]
    public void A_run_counts_every_step()
    {
        var config = TinyLmSize.Small.Config;

        Assert.Equal(TinyLmFlops.PerStep(config) * config.Steps, TinyLmFlops.PerRun(config));
    }
}
