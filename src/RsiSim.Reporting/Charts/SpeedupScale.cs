using System.Globalization;
using ScottPlot;

namespace RsiSim.Reporting.Charts;

/// <summary>A log-scale speedup axis: ScottPlot plots log10 of each speedup, and the ticks are labelled with speedups ("1x", "2x", "4x").</summary>
internal static class SpeedupScale
{
    // From dense to sparse: the densest that fits in the range with at most MaxTicks ticks is used.
    private static readonly double[][] Mantissas = [[1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 8], [1, 1.5, 2, 3, 4, 6, 8], [1, 2, 4], [1, 3], [1]];

    private const int MaxTicks = 12;

    public static double Log(double speedup) => Math.Log10(speedup);

    /// <summary>Sets the y axis to cover <paramref name="low"/> to <paramref name="high"/> (and always 1x to 4x, so the reference line shows).</summary>
    public static void Apply(Plot plot, double low, double high)
    {
        low = Math.Min(low, 1) / 1.12;
        high = Math.Max(high, 4) * 1.15;
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        foreach (double tick in Ticks(low, high))
        {
            ticks.AddMajor(Log(tick), tick.ToString("0.##", CultureInfo.InvariantCulture) + "x");
        }
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.SetLimitsY(Log(low), Log(high));
    }

    public static List<double> Ticks(double low, double high)
    {
        foreach (var mantissas in Mantissas)
        {
            var ticks = new List<double>();
            for (int exponent = (int)Math.Floor(Math.Log10(low)); exponent <= (int)Math.Ceiling(Math.Log10(high)); exponent++)
            {
                ticks.AddRange(mantissas.Select(m => Math.Round(m * Math.Pow(10, exponent), 6)).Where(t => t >= low && t <= high));
            }
            if (ticks.Count <= MaxTicks)
            {
                return ticks;
            }
        }
        return [1];
    }
}
