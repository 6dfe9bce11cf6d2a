using RsiSim.Reporting.Stats;

namespace RsiSim.Reporting.Tests.Stats;

public sealed class BootstrapIntervalTests
{
    [Fact]
    public void A_single_trial_is_its_own_interval()
    {
        Assert.Equal((2.5, 2.5), BootstrapInterval.OfMean([2.5], seed: 1));
    }

    [Fact]
    public void The_same_seed_gives_the_same_interval_and_another_seed_another()
    {
        double[] bests = [1.2, 1.9, 2.4, 3.3, 4.1, 5.0, 7.5, 9.0];

        var first = BootstrapInterval.OfMean(bests, seed: 7);

        Assert.Equal(first, BootstrapInterval.OfMean(bests, seed: 7));
        Assert.NotEqual(first, BootstrapInterval.OfMean(bests, seed: 8));
    }

    [Fact]
    public void The_interval_of_a_wide_sample_covers_its_mean_and_narrows_with_more_trials()
    {
        double[] few = [1, 2, 3, 4];
        double[] many = [.. Enumerable.Repeat(few, 16).SelectMany(v => v)];

        var (lowFew, highFew) = BootstrapInterval.OfMean(few, seed: 1);
        var (lowMany, highMany) = BootstrapInterval.OfMean(many, seed: 1);

        Assert.InRange(2.5, lowFew, highFew);
        Assert.InRange(2.5, lowMany, highMany);
        Assert.True(highMany - lowMany < (highFew - lowFew) / 2, $"[{lowMany}, {highMany}] against [{lowFew}, {highFew}]");
    }
}
