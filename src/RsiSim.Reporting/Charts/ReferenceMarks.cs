using ScottPlot;

namespace RsiSim.Reporting.Charts;

/// <summary>The 4x line, and on time axes the human expert's 4 to 8 hours to reach it.</summary>
internal static class ReferenceMarks
{
    public const double HumanSpeedup = 4.0;

    public const double HumanHoursLow = 4;

    public const double HumanHoursHigh = 8;

    /// <summary>Adds the 4x line; with a time unit, the 4-8 h band when the data reach at least half of its start, else a note in the legend.</summary>
    /// <returns>How far the x axis must reach to show the data and the band.</returns>
    public static double Add(Plot plot, AxisUnit? unit, double maxX)
    {
        var line = plot.Add.HorizontalLine(SpeedupScale.Log(HumanSpeedup), 1.5f, ChartStyle.Reference, LinePattern.Dashed);
        if (unit is not { HoursToUnit: > 0 })
        {
            line.LegendText = "4x: a human expert's result after 4-8 h";
            return maxX;
        }
        double low = HumanHoursLow * unit.HoursToUnit;
        double high = HumanHoursHigh * unit.HoursToUnit;
        if (maxX >= low / 2)
        {
            var band = plot.Add.VerticalSpan(low, high, ChartStyle.HumanBand);
            band.LegendText = "human expert: 4x after 4-8 h";
            band.LineWidth = 0;
            line.LegendText = "4x reference";
            return Math.Max(maxX, high);
        }
        // Drawing the band would squash the data into a sliver at the left: say where it is instead.
        line.LegendText = "4x: a human expert after 4-8 h (off this axis)";
        return maxX;
    }
}
