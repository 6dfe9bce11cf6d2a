using RsiSim.Core.Agents;
using RsiSim.Core.Attempts;
using RsiSim.Core.Candidates;
using RsiSim.Core.Runs;
using RsiSim.Core.Trials;

namespace RsiSim.Storage.Reading;

/// <summary>Rebuilds each unfinished trial's state from its recorded attempts, so a resume counts nothing twice.</summary>
internal static class ResumePointBuilder
{
    public static ResumePoint Build(StoredRun run, Candidate reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var finished = run.Trials.Where(t => t.Finished).Select(t => t.Key).ToHashSet();
        var states = new Dictionary<TrialKey, TrialState>();
        foreach (var group in run.Attempts.GroupBy(a => a.Trial))
        {
            if (finished.Contains(group.Key))
            {
                continue;
            }
            // A trial with no attempts is left out: it starts fresh, from its seed.
            var attempts = group.OrderBy(a => a.Record.Index).ToList();
            var last = attempts[^1];
            states[group.Key] = new TrialState([.. attempts.Select(a => a.Record)], Best(run, attempts, reference), last.Record.Spent, last.RandomState);
        }
        return new ResumePoint(finished, states, [.. run.Candidates.Values]);
    }

    private static BestCandidate Best(StoredRun run, List<StoredAttempt> attempts, Candidate reference)
    {
        var improved = attempts.LastOrDefault(a => a.Record.Status == AttemptStatus.Improved);
        if (improved is null)
        {
            return new BestCandidate(reference, 1.0, null);
        }
        var candidate = run.Candidates.GetValueOrDefault(improved.Record.CandidateHash!)
            ?? throw new RunStoreException(RunStoreErrorKind.InvalidFolder, $"{run.Directory}: attempt {improved.Record.Index} of {improved.Trial} improved with candidate {improved.Record.CandidateHash}, which the database does not hold.");
        return new BestCandidate(candidate, improved.Record.Speedup ?? improved.Record.BestSpeedup, improved.Evaluation);
    }
}
