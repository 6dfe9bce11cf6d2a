using System.Globalization;
using System.Text;
using RsiSim.Reporting.Comparing;
using RsiSim.Reporting.Lineages;

namespace RsiSim.Reporting.Html;

/// <summary>Each trial's accepted improvements, collapsed: speedup, what the agent said, and the diff against the parent.</summary>
internal static class LineageSection
{
    public static void Write(StringBuilder html, Comparison comparison)
    {
        html.Append("<h2 id=\"lineage-heading\">Lineage of accepted improvements</h2>\n");
        html.Append("<p>Every improved attempt of every trial, oldest first, with its confirmed speedup and its change against the candidate it was derived from.</p>\n");
        foreach (var arm in comparison.Lineages.GroupBy(l => l.Arm))
        {
            html.Element("h3", arm.Key);
            foreach (var trial in arm)
            {
                WriteTrial(html, trial);
            }
        }
    }

    private static void WriteTrial(StringBuilder html, TrialLineage trial)
    {
        string summary = trial.Steps.Count == 0
            ? $"trial {trial.Trial}: no improvement, best {ReportFormat.Speedup(trial.BestSpeedup)}"
            : $"trial {trial.Trial}: best {ReportFormat.Speedup(trial.BestSpeedup)} in {trial.Steps.Count} improvement(s)";
        html.Append($"<details class=\"lineage\" data-arm=\"{HtmlText.Encode(trial.Arm)}\" data-trial=\"{trial.Trial.ToString(CultureInfo.InvariantCulture)}\">");
        html.Append("<summary>").Append(HtmlText.Encode(summary)).Append("</summary>\n<ol>\n");
        foreach (var step in trial.Steps)
        {
            WriteStep(html, step);
        }
        html.Append("</ol></details>\n");
    }

    private static void WriteStep(StringBuilder html, LineageStep step)
    {
        string interval = step.CiLow is { } low && step.CiHigh is { } high ? " " + ReportFormat.Interval(low, high) : "";
        string moves = step.Moves.Count == 0 ? "" : $" (moves: {string.Join(", ", step.Moves)})";
        html.Append("<li class=\"step\">");
        html.Append(HtmlText.Encode($"attempt {step.Attempt}: {ReportFormat.Speedup(step.Speedup)}{interval}, {step.CandidateHash}: {step.Description}{moves}"));
        if (step.Diff is { } diff)
        {
            html.Append($"<details class=\"diff\"><summary>diff against {HtmlText.Encode(step.ParentHash ?? "")} (+{diff.Added} −{diff.Removed} lines)</summary>\n<pre class=\"diff\">");
            foreach (string line in diff.Text.Split('\n'))
            {
                string css = line.StartsWith("@@", StringComparison.Ordinal) || line.StartsWith("+++", StringComparison.Ordinal) || line.StartsWith("---", StringComparison.Ordinal) ? "hunk" : line.StartsWith('+') ? "add" : line.StartsWith('-') ? "del" : "";
                html.Append(css.Length == 0 ? HtmlText.Encode(line) + "\n" : $"<span class=\"{css}\">{HtmlText.Encode(line)}</span>");
            }
            html.Append("</pre></details>");
        }
        else
        {
            html.Append(" <em>(the parent's source is not recorded, so there is no diff)</em>");
        }
        html.Append("</li>\n");
    }
}
