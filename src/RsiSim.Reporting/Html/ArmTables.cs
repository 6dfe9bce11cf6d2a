using System.Text;
using RsiSim.Core.Attempts;
using RsiSim.Reporting.Comparing;

namespace RsiSim.Reporting.Html;

/// <summary>The per-arm table, the pairwise probabilities and the attempts by status.</summary>
internal static class ArmTables
{
    public static void Write(StringBuilder html, Comparison comparison)
    {
        html.Append("<h2 id=\"arms-heading\">Arms</h2>\n");
        html.Append("<p>Average best speedup is the published metric: each trial's best valid speedup, averaged over trials. "
            + "The interval is a 95% percentile bootstrap of that average. Attempts to reach a speedup: the median over trials; "
            + "a trial that never reached it counts as never.</p>\n");
        html.Table("arms", ReportColumns.Arms, comparison.Statistics.Select(s => (HtmlText.Attribute("data-arm", s.Arm), ReportColumns.ArmCells(s))));
        if (comparison.Pairs.Count > 0)
        {
            html.Append("<h3>Which arm beats which</h3>\n");
            html.Append("<p>P(A beats B): the chance that a random trial of A ends with a higher best than a random trial of B, ties counting half "
                + "(Mann-Whitney U divided by the number of pairs). The p-value tests \"A and B do not differ\"; with few trials it cannot be small.</p>\n");
            html.Table("pairs", ReportColumns.Pairs, comparison.Pairs.Select(p =>
                (HtmlText.Attribute("data-a", p.A) + HtmlText.Attribute("data-b", p.B), ReportColumns.PairCells(p, comparison))));
        }
        WriteStatuses(html, comparison);
    }

    private static void WriteStatuses(StringBuilder html, Comparison comparison)
    {
        var statuses = AttemptStatusNames.All.Where(s => comparison.Statistics.Any(a => a.ByStatus.ContainsKey(s))).ToList();
        html.Append("<h3>Attempts by status</h3>\n");
        var columns = new List<(string, string)> { ("arm", "arm text"), ("attempts", "attempts") };
        columns.AddRange(statuses.Select(s => (s.ToName(), "status-" + s.ToName())));
        html.Table("statuses", columns, comparison.Statistics.Select(a => (HtmlText.Attribute("data-arm", a.Arm),
            (IReadOnlyList<string>)[a.Arm, ReportFormat.Count(a.Attempts), .. statuses.Select(s => ReportFormat.Count(a.ByStatus.GetValueOrDefault(s)))])));
    }
}
