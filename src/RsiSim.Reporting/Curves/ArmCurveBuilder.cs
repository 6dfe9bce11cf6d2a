using RsiSim.Core.Evaluations;
using RsiSim.Reporting.Comparing;

namespace RsiSim.Reporting.Curves;

/// <summary>Builds an arm's best-so-far curves from its attempts' cumulative spending.</summary>
internal static class ArmCurveBuilder
{
    public static ArmCurve Build(ReportedArm arm, CurveAxis axis)
    {
        var trials = arm.Trials.Select(t => Trial(t, axis)).ToList();
        var grid = trials.SelectMany(t => t.X).Distinct().Order().ToList();
        var median = new List<double>();
        var lower = new List<double>();
        var upper = new List<double>();
        foreach (double x in grid)
        {
            // A median of step functions can only change where one of them steps, so the grid loses nothing.
            var sorted = trials.Select(t => t.At(x)).Order().ToList();
            median.Add(Statistics.Quantile(sorted, 0.5));
            lower.Add(Statistics.Quantile(sorted, 0.25));
            upper.Add(Statistics.Quantile(sorted, 0.75));
        }
        return new ArmCurve(arm.Label, axis, trials, grid, median, lower, upper);
    }

    private static StepCurve Trial(ReportedTrial trial, CurveAxis axis)
    {
        var x = new List<double> { 0 };
        var y = new List<double> { 1.0 };
        foreach (var attempt in trial.Attempts)
        {
            x.Add(axis.ValueOf(attempt.Record.Spent));
            y.Add(attempt.Record.BestSpeedup);
        }
        return new StepCurve(x, y);
    }
}
