using System.Text;
using RsiSim.Reporting.Comparing;

namespace RsiSim.Reporting.Html;

/// <summary>The top of the report: which arm leads and by how much, then every warning.</summary>
internal static class SummarySection
{
    public static void Write(StringBuilder html, Comparison comparison)
    {
        if (comparison.NothingValid)
        {
            html.Append("<p class=\"nothing-valid\" id=\"nothing-valid\">No valid attempt: every candidate failed a check, or none was proposed. "
                + "Every best speedup in this report is 1x, the reference's own speed.</p>\n");
        }
        var ranked = comparison.Statistics.Where(s => s.Trials > 0).OrderByDescending(s => s.AverageBest).ToList();
        if (ranked.Count > 0)
        {
            var best = ranked[0];
            string line = $"Highest average best speedup: {best.Arm}, {ReportFormat.Speedup(best.AverageBest)} "
                + $"(95% CI {ReportFormat.Interval(best.CiLow, best.CiHigh)}, {best.Trials} trial(s)).";
            if (ranked.Count > 1)
            {
                var second = ranked[1];
                var pair = comparison.Pairs.FirstOrDefault(p => (p.A == best.Arm && p.B == second.Arm) || (p.A == second.Arm && p.B == best.Arm));
                double probability = pair is null ? double.NaN : pair.A == best.Arm ? pair.ProbabilityABeatsB : 1 - pair.ProbabilityABeatsB;
                line += $" Next: {second.Arm}, {ReportFormat.Speedup(second.AverageBest)}; P({best.Arm} beats {second.Arm}) = {ReportFormat.Probability(probability)}"
                    + (pair is null ? "." : $", p = {ReportFormat.PValue(pair.PValue)}.");
            }
            html.Append("<p class=\"headline\" id=\"headline\">").Append(HtmlText.Encode(line)).Append("</p>\n");
        }
        if (comparison.Warnings.Count > 0)
        {
            html.Append("<div class=\"warnings\" id=\"warnings\"><strong>Warnings</strong><ul>\n");
            foreach (string warning in comparison.Warnings)
            {
                html.Element("li", warning);
            }
            html.Append("</ul></div>\n");
        }
    }
}
