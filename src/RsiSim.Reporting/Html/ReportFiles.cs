using RsiSim.Reporting.Charts;

namespace RsiSim.Reporting.Html;

/// <summary>What writing a report produced: the HTML file and each chart's SVG and PNG.</summary>
public sealed record ReportFiles(string HtmlPath, string ChartDirectory, IReadOnlyList<RenderedChart> Charts);
