using RsiSim.Reporting.Comparing;
using RsiSim.Reporting.Curves;
using ScottPlot;

namespace RsiSim.Reporting.Charts;

/// <summary>Best-so-far speedup against one axis: per arm the median over trials with its interquartile band, single trials faint behind.</summary>
internal static class CurveChart
{
    public static string Title(CurveAxis axis) => $"Best-so-far speedup by {axis.Title()}";

    public static Plot Create(Comparison comparison, CurveAxis axis)
    {
        var curves = comparison.CurvesOn(axis).ToList();
        double maxX = curves.SelectMany(c => c.X).DefaultIfEmpty(0).Max();
        var unit = AxisUnit.For(axis, maxX);
        var plot = ChartStyle.Create(Title(axis), unit.Label, "best speedup (log scale)");
        double reach = ReferenceMarks.Add(plot, axis.IsTime() ? unit : null, maxX / unit.PerUnit);
        double end = Math.Max(reach, 1e-9) * 1.03;
        for (int i = 0; i < curves.Count; i++)
        {
            AddArm(plot, curves[i], unit, ChartStyle.Arm(i), end);
        }
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "band: interquartile range", FillColor = Colors.Gray.WithAlpha(0.3) });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "faint: single trials", LineColor = Colors.Gray.WithAlpha(0.5), LineWidth = 1 });
        var ys = curves.SelectMany(c => c.Trials).SelectMany(t => t.Y).DefaultIfEmpty(1).ToList();
        SpeedupScale.Apply(plot, ys.Min(), ys.Max());
        plot.Axes.SetLimitsX(0, end);
        if (axis == CurveAxis.Attempts)
        {
            ChartStyle.IntegerTicks(plot.Axes.Bottom);
        }
        return plot;
    }

    private static void AddArm(Plot plot, ArmCurve curve, AxisUnit unit, Color color, double end)
    {
        foreach (var trial in curve.Trials)
        {
            var (tx, ty) = Steps(unit.Scale(trial.X), trial.Y, end);
            var line = plot.Add.ScatterLine(tx, ty, color.WithAlpha(0.3));
            line.LineWidth = 1;
        }
        if (curve.X.Count == 0)
        {
            return;
        }
        var x = unit.Scale(curve.X);
        var (bx, lower) = Steps(x, curve.Lower, end);
        var (_, upper) = Steps(x, curve.Upper, end);
        var band = plot.Add.FillY(bx, lower, upper);
        band.FillColor = color.WithAlpha(0.18);
        band.LineWidth = 0;
        var (mx, my) = Steps(x, curve.Median, end);
        var median = plot.Add.ScatterLine(mx, my, color);
        median.LineWidth = 3;
        median.LegendText = $"{curve.Arm}: median of {curve.Trials.Count} trial(s)";
    }

    /// <summary>Stairs through the points, in log10 of the speedup: each value holds until the next x, the last one until <paramref name="end"/>.</summary>
    /// <remarks>Holding the last value to the right edge is what the median assumes of a trial that stopped early, and it makes a final step visible.</remarks>
    private static (double[] X, double[] Y) Steps(double[] x, IReadOnlyList<double> y, double end)
    {
        var sx = new List<double>();
        var sy = new List<double>();
        for (int i = 0; i < x.Length; i++)
        {
            if (i > 0)
            {
                sx.Add(x[i]);
                sy.Add(SpeedupScale.Log(y[i - 1]));
            }
            sx.Add(x[i]);
            sy.Add(SpeedupScale.Log(y[i]));
        }
        sx.Add(end);
        sy.Add(sy[^1]);
        return ([.. sx], [.. sy]);
    }
}
