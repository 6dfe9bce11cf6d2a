using RsiSim.Agents.Persona.Calibration;

namespace RsiSim.Agents.Tests.Calibration;

public sealed class PersonaCalibrationTests
{
    [Theory]
    [InlineData(1.875)]
    [InlineData(16.53)]
    [InlineData(51.91)]
    public async Task Bisection_finds_the_capability_whose_figure_is_the_target(double target)
    {
        // A figure that grows with capability, as a persona's mean best does.
        var fit = await PersonaCalibration.FitAsync((c, _) => Task.FromResult(Math.Exp(c)), target, increasing: true, 0, 6, 12, 0, null, TestContext.Current.CancellationToken);

        Assert.Equal(Math.Log(target), fit.Capability, 2);
        Assert.InRange(fit.Ratio, 0.99, 1.01);
        Assert.Equal(12, fit.Steps.Count);
    }

    [Fact]
    public async Task A_figure_that_falls_with_capability_is_fitted_too_and_an_unreachable_one_counts_as_furthest()
    {
        // Hours to 4x fall with capability; below capability 1 the target is never reached.
        static Task<double> Hours(double c, CancellationToken _) => Task.FromResult(c < 1 ? double.PositiveInfinity : 12 / c);
        var steps = new List<CalibrationStep>();

        var fit = await PersonaCalibration.FitAsync(Hours, 6, increasing: false, 0, 6, 10, 0, steps.Add, TestContext.Current.CancellationToken);

        Assert.Equal(2, fit.Capability, 1);
        Assert.Equal(fit.Steps, steps);
        Assert.Equal(double.PositiveInfinity, PersonaCalibration.Distance(double.PositiveInfinity, 6));
    }

    [Fact]
    public async Task The_closest_step_is_kept_when_the_figure_is_noisy()
    {
        // Not monotone: the last step is further from the target than an earlier one.
        double[] figures = [4, 2.2, 1.2, 2.5];
        int call = 0;
        var fit = await PersonaCalibration.FitAsync((_, _) => Task.FromResult(figures[call++]), 2, increasing: true, 0, 4, 4, 0, null, TestContext.Current.CancellationToken);

        Assert.Equal(2.2, fit.Measured);
        Assert.Equal(1, fit.Capability);
    }

    [Fact]
    public async Task The_search_stops_at_the_first_step_within_the_tolerance()
    {
        // 2.2 is within 20% of 2 but not within 5%: a 20% tolerance stops there, a 5% one goes on to the end.
        double[] figures = [4, 2.2, 1.2, 2.5];
        int call = 0;
        var loose = await PersonaCalibration.FitAsync((_, _) => Task.FromResult(figures[call++]), 2, increasing: true, 0, 4, 4, 0.2, null, TestContext.Current.CancellationToken);
        call = 0;
        var tight = await PersonaCalibration.FitAsync((_, _) => Task.FromResult(figures[call++]), 2, increasing: true, 0, 4, 4, 0.05, null, TestContext.Current.CancellationToken);

        Assert.Equal(2, loose.Steps.Count);
        Assert.Equal(2.2, loose.Measured);
        Assert.Equal(4, tight.Steps.Count);
        Assert.Equal(2.2, tight.Measured);
    }

    [Fact]
    public void Capabilities_by_date_are_made_non_decreasing_by_pooling_the_violators()
    {
        Assert.Equal([1, 2.5, 2.5, 4], PersonaCalibration.NonDecreasing([1, 3, 2, 4]));
        Assert.Equal([1, 2, 2, 2], PersonaCalibration.NonDecreasing([1, 3, 2, 1]));
        Assert.Equal([0.5, 1, 1.5], PersonaCalibration.NonDecreasing([0.5, 1, 1.5]));
        Assert.Equal([0.334, 0.334, 0.334], PersonaCalibration.NonDecreasing([1, 0.001, 0.002]));
    }

    [Fact]
    public async Task Every_capability_tried_has_three_decimals_so_the_fitted_file_holds_exactly_what_was_measured()
    {
        var fit = await PersonaCalibration.FitAsync((c, _) => Task.FromResult(Math.Exp(c)), 1.01, increasing: true, 0, 2, 12, 0, null, TestContext.Current.CancellationToken);

        Assert.All(fit.Steps, s => Assert.Equal(Math.Round(s.Capability, 3), s.Capability));
        Assert.Equal(fit.Steps.Count, fit.Steps.Select(s => s.Capability).Distinct().Count());
        Assert.True(fit.Steps.Count < 12, "a search narrower than the precision stops instead of trying a capability again");
        Assert.Contains(fit.Steps, s => s.Capability == fit.Capability);
    }
}
