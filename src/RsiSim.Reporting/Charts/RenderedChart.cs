namespace RsiSim.Reporting.Charts;

/// <summary>A chart written as files, with its SVG text ready to inline in HTML.</summary>
/// <param name="Name">File name without extension, e.g. "curve-attempts".</param>
/// <param name="Title">The chart's title.</param>
/// <param name="SvgPath">The SVG file.</param>
/// <param name="PngPath">The PNG file.</param>
/// <param name="InlineSvg">The SVG element, its ids made unique within a page.</param>
public sealed record RenderedChart(string Name, string Title, string SvgPath, string PngPath, string InlineSvg);
