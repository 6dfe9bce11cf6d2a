using RsiSim.Reporting.Stats;

namespace RsiSim.Reporting.Tests.Stats;

public sealed class MannWhitneyTests
{
    [Fact]
    public void When_every_trial_of_A_beats_every_trial_of_B_the_probability_is_one_and_the_exact_p_value_is_two_splits_in_twenty()
    {
        var result = MannWhitney.Compare("a", "b", [2.0, 3.0, 4.5], [1.1, 1.3, 1.0]);

        Assert.Equal(1.0, result.ProbabilityABeatsB);
        Assert.Equal(2.0 / 20, result.PValue, 12);
        Assert.True(result.Exact);
    }

    [Fact]
    public void Ties_count_half_a_win()
    {
        // Pairs: 1<2, 1<3, 2=2, 2<3: U = 0.5 of 4 pairs.
        var result = MannWhitney.Compare("a", "b", [1.0, 2.0], [2.0, 3.0]);

        Assert.Equal(0.125, result.ProbabilityABeatsB);
    }

    [Fact]
    public void Arms_that_always_tie_are_even_and_not_different()
    {
        var result = MannWhitney.Compare("a", "b", [1.0, 1.0, 1.0], [1.0, 1.0]);

        Assert.Equal(0.5, result.ProbabilityABeatsB);
        Assert.Equal(1.0, result.PValue);
    }

    [Fact]
    public void The_normal_approximation_agrees_with_the_exact_count_on_a_moderate_sample_with_ties()
    {
        double[] x = [.. Enumerable.Range(0, 25).Select(i => Math.Round(i * 0.7, 0))];
        double[] y = [.. Enumerable.Range(0, 25).Select(i => Math.Round(i * 0.7 + 4, 0))];

        var exact = MannWhitney.Compare("a", "b", x, y);
        var approximate = MannWhitney.Compare("a", "b", x, y, exactLimit: 0);

        Assert.True(exact.Exact);
        Assert.False(approximate.Exact);
        Assert.Equal(exact.ProbabilityABeatsB, approximate.ProbabilityABeatsB);
        Assert.InRange(exact.PValue, 0.001, 0.2);
        Assert.Equal(exact.PValue, approximate.PValue, 0.01);
    }

    [Fact]
    public void An_arm_without_trials_has_no_probability()
    {
        var result = MannWhitney.Compare("a", "b", [], [1.0]);

        Assert.True(double.IsNaN(result.ProbabilityABeatsB));
        Assert.Equal("–", ReportFormat.Probability(result.ProbabilityABeatsB));
    }
}
