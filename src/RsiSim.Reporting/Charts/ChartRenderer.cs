using System.Text.RegularExpressions;
using RsiSim.Reporting.Comparing;
using RsiSim.Reporting.Curves;
using ScottPlot;

namespace RsiSim.Reporting.Charts;

/// <summary>Draws every chart of a comparison and writes each as SVG and PNG.</summary>
internal static partial class ChartRenderer
{
    public static List<RenderedChart> RenderAll(Comparison comparison, string directory)
    {
        Directory.CreateDirectory(directory);
        var charts = new List<RenderedChart>();
        foreach (var axis in comparison.Axes)
        {
            charts.Add(Render(CurveChart.Create(comparison, axis), $"curve-{axis.ToName()}", CurveChart.Title(axis), directory));
        }
        charts.Add(Render(FinalBestChart.Create(comparison), "final-best", FinalBestChart.Title, directory));
        charts.Add(Render(StatusChart.Create(comparison), "statuses", StatusChart.Title, directory));
        return charts;
    }

    private static RenderedChart Render(Plot chart, string name, string title, string directory)
    {
        using var plot = chart;
        string svgPath = Path.Combine(directory, name + ".svg");
        string pngPath = Path.Combine(directory, name + ".png");
        plot.SaveSvg(svgPath, ChartStyle.Width, ChartStyle.Height);
        plot.SavePng(pngPath, ChartStyle.Width, ChartStyle.Height);
        return new RenderedChart(name, title, svgPath, pngPath, Inline(File.ReadAllText(svgPath), name));
    }

    /// <summary>The SVG without its XML declaration, scaled to its container, every id prefixed so that charts on one page do not share clip paths.</summary>
    public static string Inline(string svg, string prefix)
    {
        string body = XmlDeclaration().Replace(svg, "");
        body = IdAttribute().Replace(body, m => $"id=\"{prefix}-{m.Groups[1].Value}\"");
        body = IdReference().Replace(body, m => $"url(#{prefix}-{m.Groups[1].Value})");
        body = HrefReference().Replace(body, m => $"href=\"#{prefix}-{m.Groups[1].Value}\"");
        return SvgStart().Replace(body, $"<svg viewBox=\"0 0 {ChartStyle.Width} {ChartStyle.Height}\" role=\"img\" ", 1);
    }

    [GeneratedRegex(@"^\s*<\?xml[^>]*\?>\s*")]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex("\\bid=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex IdReference();

    [GeneratedRegex("href=\"#([^\"]+)\"")]
    private static partial Regex HrefReference();

    [GeneratedRegex(@"<svg\s")]
    private static partial Regex SvgStart();
}
