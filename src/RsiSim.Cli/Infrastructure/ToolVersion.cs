namespace RsiSim.Cli.Infrastructure;

/// <summary>The version of rsisim recorded with every run.</summary>
internal static class ToolVersion
{
    public static string Text { get; } = typeof(ToolVersion).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
