using RsiSim.Core.Attempts;
using RsiSim.Reporting.Comparing;
using RsiSim.Storage.Reading;

namespace RsiSim.Reporting.Lineages;

/// <summary>Finds each trial's improved attempts and diffs each one against the candidate it was derived from.</summary>
internal static class LineageBuilder
{
    public static List<TrialLineage> Build(ReportedArm arm, Func<string, string?> sourceOf) =>
        [.. arm.Trials.Select(t => new TrialLineage(arm.Label, t.Index, t.BestSpeedup, [.. t.Attempts.Where(IsStep).Select(a => Step(a, sourceOf))]))];

    private static bool IsStep(StoredAttempt attempt) => attempt.Record is { Status: AttemptStatus.Improved, CandidateHash: not null };

    private static LineageStep Step(StoredAttempt attempt, Func<string, string?> sourceOf)
    {
        var record = attempt.Record;
        string hash = record.CandidateHash!;
        string? parent = record.ParentHash is { } parentHash ? sourceOf(parentHash) : null;
        string? source = sourceOf(hash);
        var diff = parent is not null && source is not null ? SourceDiff.Between(parent, source, record.ParentHash!, hash) : null;
        var timing = attempt.Evaluation?.Timing;
        return new LineageStep(
            record.Index, hash, record.ParentHash, record.Speedup ?? record.BestSpeedup, timing?.Low, timing?.High, record.Description, record.Moves, diff);
    }
}
