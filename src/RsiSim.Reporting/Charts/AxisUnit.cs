using RsiSim.Reporting.Curves;

namespace RsiSim.Reporting.Charts;

/// <summary>The unit a curve's x axis is drawn in: wall time in seconds, minutes or hours by its range; the others as recorded.</summary>
/// <param name="Label">The axis label, unit included.</param>
/// <param name="PerUnit">Recorded amount per drawn unit (60 for minutes of seconds).</param>
/// <param name="HoursToUnit">Drawn units per hour, for time axes; 0 for the others.</param>
internal sealed record AxisUnit(string Label, double PerUnit, double HoursToUnit)
{
    public static AxisUnit For(CurveAxis axis, double maxRecorded) => axis switch
    {
        CurveAxis.Attempts => new AxisUnit("attempts", 1, 0),
        CurveAxis.Tokens => new AxisUnit("tokens spent", 1, 0),
        CurveAxis.Cost => new AxisUnit("cost spent ($)", 1, 0),
        CurveAxis.Hours => new AxisUnit("simulated agent hours", 1, 1),
        CurveAxis.Wall when maxRecorded >= 2 * 3600 => new AxisUnit("wall time (hours)", 3600, 1),
        CurveAxis.Wall when maxRecorded >= 10 * 60 => new AxisUnit("wall time (minutes)", 60, 60),
        CurveAxis.Wall => new AxisUnit("wall time (seconds)", 1, 3600),
        _ => throw new ArgumentOutOfRangeException(nameof(axis), axis, null),
    };

    public double[] Scale(IEnumerable<double> recorded) => [.. recorded.Select(x => x / PerUnit)];
}
