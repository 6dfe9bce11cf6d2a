using System.Text;
using RsiSim.Reporting.Comparing;
using RsiSim.Storage.Certifications;

namespace RsiSim.Reporting.Html;

/// <summary>Each run's latest certification: every arm's best re-measured with BenchmarkDotNet, beside RsiSim's own speedup.</summary>
internal static class CertificationSection
{
    public static void Write(StringBuilder html, Comparison comparison)
    {
        var certified = comparison.Runs.Where(r => r.Run.LatestCertification is not null).ToList();
        if (certified.Count == 0)
        {
            return;
        }
        html.Append("<h2 id=\"certified-heading\">Certified speedups</h2>\n");
        html.Append("<p><code>rsisim certify</code> re-measured the reference and each arm's best candidate (its best trial's best) with BenchmarkDotNet, "
            + "in process, one whole training run per iteration on one fixed seed, in rounds whose order alternates (the job below says how "
            + "many; certifications before 2026-12-07 had one). Certified speedup: the median of the rounds' speedups, each the reference's "
            + "median in that round over the candidate's. Difference: certified over RsiSim's, minus one. Two figures more than "
            + $"{CertifiedArm.AgreementTolerance * 100:0}% apart disagree: one of them was measured under other conditions, or by luck.</p>\n");
        foreach (var run in certified)
        {
            var certification = run.Run.LatestCertification!;
            string load = certification.LoadAverage is { } l ? $", load average {l:0.00}" : "";
            html.Element("p", $"{run.Label}: certified {ReportFormat.Time(certification.CertifiedAt)} by rsisim {certification.ToolVersion}{load}; "
                + $"{certification.Job}; seed {certification.Seed}.", "meta");
            html.Table(certified.Count == 1 ? "certified" : $"certified-{run.Label}", ReportColumns.Certified, certification.Arms.Select(arm => (
                HtmlText.Attribute("data-arm", arm.Arm) + HtmlText.Attribute("data-agrees", arm.Agrees switch { true => "yes", false => "no", null => "not-certified" }),
                ReportColumns.CertifiedCells(arm))));
        }
    }
}
