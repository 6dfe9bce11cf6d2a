using System.Globalization;
using System.Text;
using RsiSim.Core.Agents;

namespace RsiSim.Agents.Llm.Prompting;

/// <summary>The best candidate's measured figures: speedup with its interval, median times, and each check's margin.</summary>
internal static class FiguresFormatter
{
    public static string Format(BestCandidate best)
    {
        ArgumentNullException.ThrowIfNull(best);
        if (best.Evaluation is not { } evaluation)
        {
            return string.Create(CultureInfo.InvariantCulture, $"This is the reference itself ({best.Speedup:0.00}x): nothing has beaten it yet.");
        }
        var text = new StringBuilder();
        if (evaluation.Timing is { } timing)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"Speedup {timing.Speedup:0.00}x over the reference (95% interval {timing.Low:0.00}-{timing.High:0.00}x): median {timing.CandidateMedian * 1000:0.###} ms per training run against the reference's {timing.BaselineMedian * 1000:0.###} ms, over {timing.CandidateSeconds.Length} interleaved runs.\n");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"Speedup {best.Speedup:0.00}x over the reference.\n");
        }
        foreach (var check in evaluation.Checks)
        {
            string margin = check.Value is { } value && check.Limit is { } limit
                ? string.Create(CultureInfo.InvariantCulture, $": {value:0.###e+0} (limit {limit:0.###e+0})")
                : "";
            text.Append(CultureInfo.InvariantCulture, $"- check {check.Name}: {(check.Passed ? "passed" : "FAILED")}{margin}\n");
        }
        return text.ToString().TrimEnd();
    }
}
