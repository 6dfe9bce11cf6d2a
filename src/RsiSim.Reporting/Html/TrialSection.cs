using System.Globalization;
using System.Text;
using RsiSim.Core.Attempts;
using RsiSim.Reporting.Comparing;

namespace RsiSim.Reporting.Html;

/// <summary>One row per trial: its seed, attempts, best and how it ended.</summary>
internal static class TrialSection
{
    private static readonly IReadOnlyList<(string, string)> Columns =
    [
        ("arm", "arm text"), ("trial", "trial"), ("seed", "seed"), ("attempts", "attempts"), ("valid", "valid"), ("best", "best"),
        ("best candidate", "best-hash text"), ("ended by", "stop-reason text"), ("resumes", "resumes"),
    ];

    public static void Write(StringBuilder html, Comparison comparison)
    {
        html.Append("<h2 id=\"trials-heading\">Trials</h2>\n");
        var rows = comparison.Arms.SelectMany(arm => arm.Trials.Select(t => (
            HtmlText.Attribute("data-arm", arm.Label) + HtmlText.Attribute("data-trial", t.Index.ToString(CultureInfo.InvariantCulture)), Cells(arm, t))));
        html.Table("trials", Columns, rows);
    }

    private static IReadOnlyList<string> Cells(ReportedArm arm, ReportedTrial trial) =>
    [
        arm.Label, trial.Index.ToString(CultureInfo.InvariantCulture), trial.Trial.Seed.ToString(CultureInfo.InvariantCulture),
        ReportFormat.Count(trial.Attempts.Count), ReportFormat.Count(trial.Attempts.Count(a => a.Record.Status.IsValid())),
        ReportFormat.Speedup(trial.BestSpeedup), trial.Trial.BestHash ?? "", trial.Trial.StopReason ?? "unfinished",
        ReportFormat.Count(trial.Trial.Resumes),
    ];
}
