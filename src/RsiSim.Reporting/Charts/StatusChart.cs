using RsiSim.Core.Attempts;
using RsiSim.Reporting.Comparing;
using ScottPlot;

namespace RsiSim.Reporting.Charts;

/// <summary>Each arm's attempts stacked by how they ended.</summary>
internal static class StatusChart
{
    public const string Title = "Attempts by status";

    private static readonly Dictionary<AttemptStatus, Color> Colours = new()
    {
        [AttemptStatus.Improved] = Color.FromHex("#2ca02c"),
        [AttemptStatus.NotFaster] = Color.FromHex("#98df8a"),
        [AttemptStatus.WrongResult] = Color.FromHex("#d62728"),
        [AttemptStatus.CompileError] = Color.FromHex("#ff7f0e"),
        [AttemptStatus.PolicyViolation] = Color.FromHex("#9467bd"),
        [AttemptStatus.Timeout] = Color.FromHex("#8c564b"),
        [AttemptStatus.Crash] = Color.FromHex("#7b1010"),
        [AttemptStatus.OutOfMemory] = Color.FromHex("#e377c2"),
        [AttemptStatus.EditFailed] = Color.FromHex("#bcbd22"),
        [AttemptStatus.AgentError] = Color.FromHex("#7f7f7f"),
    };

    public static Plot Create(Comparison comparison)
    {
        var plot = ChartStyle.Create(Title, "arm", "attempts");
        var statuses = AttemptStatusNames.All.Where(s => comparison.Statistics.Any(a => a.ByStatus.ContainsKey(s))).ToList();
        var bars = new List<Bar>();
        for (int i = 0; i < comparison.Statistics.Count; i++)
        {
            double stacked = 0;
            foreach (var status in statuses)
            {
                int count = comparison.Statistics[i].ByStatus.GetValueOrDefault(status);
                if (count > 0)
                {
                    bars.Add(new Bar { Position = i, ValueBase = stacked, Value = stacked + count, FillColor = Colours[status], LineWidth = 0, Size = 0.6 });
                    stacked += count;
                }
            }
        }
        plot.Add.Bars(bars);
        // The legend lists statuses top first, as they are stacked.
        foreach (var status in Enumerable.Reverse(statuses))
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = status.ToName(), FillColor = Colours[status] });
        }
        ChartStyle.ArmTicks(plot, [.. comparison.Statistics.Select(s => s.Arm)]);
        double most = comparison.Statistics.Select(s => (double)s.Attempts).DefaultIfEmpty(0).Max();
        plot.Axes.SetLimitsY(0, Math.Max(most, 1) * 1.08);
        ChartStyle.IntegerTicks(plot.Axes.Left);
        return plot;
    }
}
