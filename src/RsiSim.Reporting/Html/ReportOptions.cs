namespace RsiSim.Reporting.Html;

/// <summary>What the HTML report says about itself.</summary>
public sealed record ReportOptions
{
    /// <summary>The page's heading, e.g. "quickstart" or "quickstart vs nightly".</summary>
    public required string Title { get; init; }

    /// <summary>The rsisim version that wrote the report.</summary>
    public required string ToolVersion { get; init; }

    /// <summary>When the report was written (from the caller's <see cref="TimeProvider"/>).</summary>
    public required DateTimeOffset GeneratedAt { get; init; }
}
