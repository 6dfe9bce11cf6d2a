using System.Text;
using RsiSim.Reporting.Charts;

namespace RsiSim.Reporting.Html;

/// <summary>The charts, inlined as SVG so the page needs no other file, each with a caption and links to its files.</summary>
internal static class ChartSection
{
    public static void Write(StringBuilder html, IReadOnlyList<RenderedChart> charts, string chartFolder)
    {
        html.Append("<h2 id=\"charts-heading\">Charts</h2>\n");
        foreach (var chart in charts)
        {
            html.Append($"<figure id=\"chart-{chart.Name}\" data-title=\"{HtmlText.Encode(chart.Title)}\">\n");
            html.Append(chart.InlineSvg).Append('\n');
            html.Append("<figcaption>").Append(HtmlText.Encode(Caption(chart.Name)));
            html.Append($" Files: <a href=\"{chartFolder}/{chart.Name}.svg\">SVG</a>, <a href=\"{chartFolder}/{chart.Name}.png\">PNG</a>.");
            html.Append("</figcaption>\n</figure>\n");
        }
    }

    private static string Caption(string name) => name switch
    {
        "final-best" => "Each point is one trial's best valid speedup; the box spans the quartiles, the whiskers the minimum and maximum, the diamond is the mean (the published metric).",
        "statuses" => "How every attempt ended, stacked per arm: improved and not-faster passed every check; the others did not.",
        _ => "Thick line: the median over trials of the best-so-far speedup; band: the interquartile range; faint lines: single trials. "
            + "Log scale. A trial that stopped early keeps its final best. The dashed line is 4x, a skilled human's result after 4 to 8 hours.",
    };
}
