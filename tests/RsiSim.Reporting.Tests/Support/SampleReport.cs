using RsiSim.Reporting.Html;

namespace RsiSim.Reporting.Tests.Support;

/// <summary>The report options the HTML tests write with: a fixed title, version and time.</summary>
internal static class SampleReport
{
    public static ReportOptions Options { get; } = new() { Title = "known", ToolVersion = "9.9.9", GeneratedAt = new DateTimeOffset(2026, 11, 27, 13, 0, 0, TimeSpan.Zero) };
}
