using System.Text;
using RsiSim.Reporting.Charts;
using RsiSim.Reporting.Comparing;

namespace RsiSim.Reporting.Html;

/// <summary>Writes a comparison as one self-contained HTML file (inline CSS and SVG, no external resource), with its charts as SVG and PNG in charts/ beside it.</summary>
public static class HtmlReportWriter
{
    public const string ChartFolder = "charts";

    public static ReportFiles Write(Comparison comparison, string htmlPath, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentException.ThrowIfNullOrWhiteSpace(htmlPath);
        ArgumentNullException.ThrowIfNull(options);
        string directory = Path.GetDirectoryName(Path.GetFullPath(htmlPath))!;
        string chartDirectory = Path.Combine(directory, ChartFolder);
        var charts = ChartRenderer.RenderAll(comparison, chartDirectory);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(HtmlText.Encode($"RsiSim report: {options.Title}")).Append("</title>\n");
        html.Append("<style>\n").Append(ReportCss.Text).Append("</style>\n</head>\n<body>\n");
        html.Element("h1", $"RsiSim report: {options.Title}");
        html.Element("p", $"Written {ReportFormat.Time(options.GeneratedAt)} by rsisim {options.ToolVersion} from {comparison.Runs.Count} run(s).", "meta");
        SummarySection.Write(html, comparison);
        ArmTables.Write(html, comparison);
        CertificationSection.Write(html, comparison);
        ChartSection.Write(html, charts, ChartFolder);
        TrialSection.Write(html, comparison);
        RunSection.Write(html, comparison);
        LineageSection.Write(html, comparison);
        html.Append("</body>\n</html>\n");
        Directory.CreateDirectory(directory);
        // Written aside and renamed, so a reader never opens half a report.
        string temporary = htmlPath + ".tmp";
        File.WriteAllText(temporary, html.ToString(), new UTF8Encoding(false));
        File.Move(temporary, htmlPath, overwrite: true);
        return new ReportFiles(Path.GetFullPath(htmlPath), chartDirectory, charts);
    }
}
