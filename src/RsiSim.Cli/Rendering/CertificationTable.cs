using System.Globalization;
using RsiSim.Reporting;
using RsiSim.Storage.Certifications;
using Spectre.Console;

namespace RsiSim.Cli.Rendering;

/// <summary>A certification in the terminal: one row per arm, RsiSim's speedup beside the certified one, and whether they agree.</summary>
internal static class CertificationTable
{
    public static void Write(IAnsiConsole console, RunCertification certification)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(certification);
        string load = certification.LoadAverage is { } l ? l.ToString("0.00", CultureInfo.InvariantCulture) : "unknown";
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"certified speedups ({ReportFormat.Time(certification.CertifiedAt)}, load average {load})");
        foreach (var (header, _) in ReportColumns.Certified)
        {
            table.AddColumn(new TableColumn(header) { Alignment = header is "arm" or "candidate" or "agreement" ? Justify.Left : Justify.Right });
        }
        foreach (var arm in certification.Arms)
        {
            var cells = ReportColumns.CertifiedCells(arm).Select(Markup.Escape).ToList();
            cells[^1] = arm.Agrees == false ? $"[red]{cells[^1]}[/]" : cells[^1];
            table.AddRow([.. cells]);
        }
        console.Write(table);
        console.MarkupLineInterpolated($"Job: {certification.Job}; seed {certification.Seed.ToString(CultureInfo.InvariantCulture)}.");
        foreach (var arm in certification.Arms)
        {
            console.MarkupLineInterpolated($"  {arm.Arm}: {arm.Detail}");
        }
    }
}
