using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using RsiSim.Core.Agents;
using RsiSim.Core.Attempts;

namespace RsiSim.Agents.Llm.Prompting;

/// <summary>The recent attempts of a trial as the prompt shows them: status, what was tried, and what came of it.</summary>
internal static partial class HistoryFormatter
{
    public static string Format(AgentContext context, int shown)
    {
        ArgumentNullException.ThrowIfNull(context);
        var history = context.History;
        if (history.Count == 0)
        {
            return "None yet: this is the first attempt.";
        }
        var text = new StringBuilder();
        var recent = history.Skip(Math.Max(0, history.Count - shown)).ToList();
        if (recent.Count < history.Count)
        {
            var older = history.Take(history.Count - recent.Count).GroupBy(a => a.Status).Select(g => $"{g.Count()} {g.Key.ToName()}");
            text.Append(CultureInfo.InvariantCulture, $"Attempts 1 to {history.Count - recent.Count} are not shown ({string.Join(", ", older)}).\n\n");
        }
        foreach (var attempt in recent)
        {
            Append(text, context, attempt);
        }
        return text.ToString().TrimEnd();
    }

    private static void Append(StringBuilder text, AgentContext context, AttemptRecord attempt)
    {
        string candidate = attempt.CandidateHash is { } hash ? $" (candidate {hash})" : "";
        text.Append(CultureInfo.InvariantCulture, $"- Attempt {attempt.Index}{candidate}: {attempt.Status.ToName()}\n");
        if (!string.Equals(attempt.Description, attempt.Detail, StringComparison.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"  change: {attempt.Description}\n");
        }
        text.Append(CultureInfo.InvariantCulture, $"  result: {attempt.Detail}\n");
        if (attempt.Status == AttemptStatus.CompileError && attempt.CandidateHash is { } failed && QuotedLine(context, failed, attempt.Detail) is { } quoted)
        {
            text.Append(quoted);
        }
    }

    // A compile error says "line N, column M: ..."; the line itself is what the model needs to fix it.
    private static string? QuotedLine(AgentContext context, string hash, string detail)
    {
        var match = LineOfError().Match(detail);
        if (!match.Success || context.FindCandidate(hash) is not { } candidate)
        {
            return null;
        }
        int line = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var lines = candidate.Source.ReplaceLineEndings("\n").Split('\n');
        return line >= 1 && line <= lines.Length ? string.Create(CultureInfo.InvariantCulture, $"  line {line} was: `{lines[line - 1].Trim()}`\n") : null;
    }

    [GeneratedRegex(@"\bline (\d+), column \d+", RegexOptions.CultureInvariant)]
    private static partial Regex LineOfError();
}
