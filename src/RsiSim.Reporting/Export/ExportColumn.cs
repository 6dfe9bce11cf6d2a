namespace RsiSim.Reporting.Export;

/// <summary>One column of an exported table: its name, what it means (docs/export-format.md lists the same) and how a row gives its value.</summary>
public sealed record ExportColumn<TRow>(string Name, string Description, Func<TRow, object?> Value);
