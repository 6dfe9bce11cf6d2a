using RsiSim.Core.Evaluations;
using RsiSim.Core.Randomness;
using RsiSim.Reporting.Comparing;
using ScottPlot;

namespace RsiSim.Reporting.Charts;

/// <summary>Each arm's final best speedups: a box of the quartiles with whiskers from minimum to maximum, every trial as a point, the mean as a diamond.</summary>
internal static class FinalBestChart
{
    public const string Title = "Final best speedup per trial";

    public static Plot Create(Comparison comparison)
    {
        var plot = ChartStyle.Create(Title, "arm", "best speedup (log scale)");
        var random = new SplitMix64(17);
        for (int i = 0; i < comparison.Statistics.Count; i++)
        {
            var bests = comparison.Statistics[i].TrialBests.Order().ToList();
            if (bests.Count == 0)
            {
                continue;
            }
            var color = ChartStyle.Arm(i);
            var box = plot.Add.Box(new Box
            {
                Position = i,
                BoxMin = SpeedupScale.Log(Statistics.Quantile(bests, 0.25)),
                BoxMax = SpeedupScale.Log(Statistics.Quantile(bests, 0.75)),
                BoxMiddle = SpeedupScale.Log(Statistics.Quantile(bests, 0.5)),
                WhiskerMin = SpeedupScale.Log(bests[0]),
                WhiskerMax = SpeedupScale.Log(bests[^1]),
                Width = 0.5,
            });
            // Adding a box gives it the palette's next colour; the arm's colour is set afterwards.
            box.Boxes[0].FillColor = color.WithAlpha(0.15);
            box.Boxes[0].LineColor = color;
            box.Boxes[0].LineWidth = 1.5f;
            box.LegendText = "";
            // Jitter spreads tied bests sideways; seeded, so the chart is the same on every run.
            double[] xs = [.. bests.Select(_ => i + (random.NextDouble() - 0.5) * 0.3)];
            var points = plot.Add.Markers(xs, [.. bests.Select(SpeedupScale.Log)], MarkerShape.FilledCircle, 8, color.WithAlpha(0.75));
            points.LegendText = i == 0 ? "trial best" : "";
            var mean = plot.Add.Marker(i, SpeedupScale.Log(comparison.Statistics[i].AverageBest), MarkerShape.FilledDiamond, 14, Colors.Black);
            mean.LegendText = i == 0 ? "mean (average best speedup)" : "";
        }
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "box: quartiles, whiskers: min to max", FillColor = Colors.Gray.WithAlpha(0.2), OutlineColor = Colors.Gray });
        ReferenceMarks.Add(plot, null, 0);
        ChartStyle.ArmTicks(plot, [.. comparison.Statistics.Select(s => s.Arm)]);
        var all = comparison.Statistics.SelectMany(s => s.TrialBests).DefaultIfEmpty(1).ToList();
        SpeedupScale.Apply(plot, all.Min(), all.Max());
        return plot;
    }
}
