using RsiSim.Reporting;
using RsiSim.Reporting.Comparing;
using Spectre.Console;

namespace RsiSim.Cli.Rendering;

/// <summary>The report's per-arm table, pairwise probabilities and warnings, in the terminal.</summary>
internal static class ComparisonTables
{
    public static void Write(IAnsiConsole console, Comparison comparison)
    {
        ArgumentNullException.ThrowIfNull(console);
        var arms = new Table().Border(TableBorder.Rounded).Title("arms: best speedup over trials");
        foreach (var (header, _) in ReportColumns.Arms)
        {
            arms.AddColumn(new TableColumn(header) { Alignment = header is "arm" or "agent" ? Justify.Left : Justify.Right });
        }
        foreach (var arm in comparison.Statistics)
        {
            arms.AddRow([.. ReportColumns.ArmCells(arm).Select(Markup.Escape)]);
        }
        console.Write(arms);
        if (comparison.Pairs.Count > 0)
        {
            var pairs = new Table().Border(TableBorder.Rounded).Title("which arm beats which (Mann-Whitney U on trial bests)");
            foreach (var (header, _) in ReportColumns.Pairs)
            {
                pairs.AddColumn(new TableColumn(header) { Alignment = header is "A" or "B" ? Justify.Left : Justify.Right });
            }
            foreach (var pair in comparison.Pairs)
            {
                pairs.AddRow([.. ReportColumns.PairCells(pair, comparison).Select(Markup.Escape)]);
            }
            console.Write(pairs);
        }
        foreach (var run in comparison.Runs.Where(r => r.Run.LatestCertification is not null))
        {
            if (comparison.Runs.Count > 1)
            {
                console.MarkupLineInterpolated($"[bold]{run.Label}[/]");
            }
            CertificationTable.Write(console, run.Run.LatestCertification!);
        }
        if (comparison.NothingValid)
        {
            console.MarkupLine("[red]No valid attempt[/]: every best speedup is 1x, the reference's own speed.");
        }
        foreach (string warning in comparison.Warnings)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
        }
    }
}
