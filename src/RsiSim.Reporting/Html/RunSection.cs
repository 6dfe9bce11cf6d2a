using System.Text;
using RsiSim.Reporting.Comparing;

namespace RsiSim.Reporting.Html;

/// <summary>Where the numbers come from: each run's machine, tool version, scenario, start, resumes and reference time.</summary>
internal static class RunSection
{
    private static readonly IReadOnlyList<(string, string)> Columns =
    [
        ("run", "run text"), ("folder", "folder text"), ("scenario", "scenario text"), ("task", "task text"), ("machine", "machine text"),
        ("machine id", "machine-id text"), ("tool version", "tool-version text"), ("started", "started text"), ("arms x trials", "size"),
        ("resumed", "resumed text"), ("reference time", "reference-time"),
    ];

    public static void Write(StringBuilder html, Comparison comparison)
    {
        html.Append("<h2 id=\"runs-heading\">Runs</h2>\n");
        html.Table("runs", Columns, comparison.Runs.Select(r => (HtmlText.Attribute("data-run", r.Label), Cells(r))));
        html.Append("<p>Reference time: the median of every timed repetition of the task's reference in the run; "
            + "speedups from runs whose reference times differ much were measured under different conditions.</p>\n");
        foreach (var run in comparison.Runs)
        {
            html.Append("<details class=\"scenario\"><summary>").Append(HtmlText.Encode($"Scenario of {run.Label}")).Append("</summary>\n");
            html.Element("pre", run.Run.Manifest.ScenarioYaml);
            html.Append("</details>\n");
        }
    }

    private static IReadOnlyList<string> Cells(ReportedRun run)
    {
        var manifest = run.Run.Manifest;
        string resumed = run.Resumed
            ? $"yes, {run.Run.Resumes.Count} time(s): " + string.Join(", ", run.Run.Resumes.Select(r => $"{ReportFormat.Time(r.ResumedAt)} after {r.AttemptsRecorded} attempts"))
            : "no";
        return
        [
            run.Label, run.Folder, manifest.Name, $"{manifest.TaskId}/{manifest.Size}", manifest.Machine, manifest.MachineId, manifest.ToolVersion,
            ReportFormat.Time(run.Run.CreatedAt), $"{manifest.Arms.Length} x {manifest.Trials}", resumed,
            run.ReferenceSeconds is { } seconds ? ReportFormat.Seconds(seconds) : "not timed",
        ];
    }
}
