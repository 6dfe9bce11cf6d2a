using RsiSim.Core.Attempts;
using RsiSim.Reporting.Comparing;
using RsiSim.Reporting.Curves;
using RsiSim.Reporting.Tests.Support;

namespace RsiSim.Reporting.Tests.Curves;

public sealed class ArmCurveTests : KnownRunTest
{
    [Fact]
    public async Task The_median_steps_where_a_trial_steps_and_a_trial_that_stopped_keeps_its_final_best()
    {
        var comparison = await CompareKnownAsync();

        var greedy = comparison.CurvesOn(CurveAxis.Attempts).Single(c => c.Arm == "greedy");

        // After each attempt: trial 0 1.5 1.5 2.5 2.5 4.5; trial 1 1.25 1.25 3 3; trial 2 1 2 2 2.
        Assert.Equal([0, 1, 2, 3, 4, 5], greedy.X);
        Assert.Equal([1, 1.25, 1.5, 2.5, 2.5, 3.0], greedy.Median);
        Assert.Equal(2.25, greedy.Lower[3], 12);
        Assert.Equal(2.75, greedy.Upper[3], 12);
        Assert.Equal([1, 1.5, 1.5, 2.5, 2.5, 4.5], greedy.Trials[0].Y);
    }

    [Fact]
    public async Task Curves_are_drawn_only_against_what_the_runs_recorded()
    {
        var comparison = await CompareKnownAsync();

        // Greedy spends tokens and money, every attempt takes wall time, nothing spends simulated hours.
        Assert.Equal([CurveAxis.Attempts, CurveAxis.Wall, CurveAxis.Tokens, CurveAxis.Cost], comparison.Axes);
        Assert.Equal(8, comparison.Curves.Count);
    }

    [Fact]
    public async Task The_primary_axis_comes_first()
    {
        var run = (await KnownAsync()).Run;

        var comparison = ComparisonBuilder.Build([run], Options with { PrimaryAxis = CurveAxis.Cost });

        Assert.Equal([CurveAxis.Cost, CurveAxis.Attempts, CurveAxis.Wall, CurveAxis.Tokens], comparison.Axes);
    }

    [Fact]
    public async Task Wall_time_is_the_cumulative_seconds_of_each_attempt()
    {
        string directory = await TestRuns.WriteAsync(Temp.Path, "wall", [new ScriptedTrial("a", 0) { WallPerAttempt = 30 }.Add(AttemptStatus.Improved, 2).Add(AttemptStatus.NotFaster, 1)]);

        var comparison = ComparisonBuilder.Build([await TestRuns.LoadAsync(directory)], Options);

        var curve = Assert.Single(comparison.CurvesOn(CurveAxis.Wall));
        Assert.Equal([0, 30, 60], curve.X);
        Assert.Equal([1, 2, 2], curve.Median);
    }

    [Fact]
    public void Axis_names_parse_in_any_case_and_unknown_names_do_not()
    {
        Assert.Equal(CurveAxis.Hours, CurveAxes.TryParse("HOURS"));
        Assert.Null(CurveAxes.TryParse("minutes"));
    }
}
