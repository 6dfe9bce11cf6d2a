using ScottPlot;

namespace RsiSim.Reporting.Charts;

/// <summary>The look every chart shares: an explicit font (ScottPlot draws no text without one), sizes and colours.</summary>
internal static class ChartStyle
{
    /// <summary>Set explicitly so that charts do not depend on the machine's default font; CI installs fonts-dejavu-core.</summary>
    public const string FontName = "DejaVu Sans";

    public const int Width = 1100;

    public const int Height = 600;

    private static readonly Color[] ArmColors = [.. new[]
    {
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    }.Select(Color.FromHex)];

    public static Color Arm(int index) => ArmColors[index % ArmColors.Length];

    public static Color Reference { get; } = Color.FromHex("#444444");

    public static Color HumanBand { get; } = Color.FromHex("#e6b800").WithAlpha(0.18);

    /// <summary>A new plot with the house font, its title and axis labels, and the legend to the right of the data.</summary>
    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(title, 20);
        plot.XLabel(xLabel, 16);
        plot.YLabel(yLabel, 16);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Legend.FontSize = 13;
        plot.Legend.FontName = FontName;
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    /// <summary>Ticks at whole numbers only, for counts such as attempts.</summary>
    public static void IntegerTicks(IAxis axis) => axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };

    /// <summary>Arm labels as the ticks of the bottom axis, at positions 0, 1, 2, ...</summary>
    public static void ArmTicks(Plot plot, IReadOnlyList<string> arms)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int i = 0; i < arms.Count; i++)
        {
            ticks.AddMajor(i, arms[i]);
        }
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.SetLimitsX(-0.6, arms.Count - 0.4);
        if (arms.Any(a => a.Length > 14) && arms.Count > 2)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = -15;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            // ScottPlot sizes the axis for level labels; slanted ones need room, or they run into the axis label.
            plot.Axes.Bottom.MinimumSize = 95;
        }
    }
}
