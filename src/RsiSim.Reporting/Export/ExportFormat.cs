namespace RsiSim.Reporting.Export;

/// <summary>The file formats of <c>rsisim export</c>.</summary>
public enum ExportFormat
{
    Csv,
    Json,
}
