using RsiSim.Core.Attempts;
using RsiSim.Core.Candidates;
using RsiSim.Core.Tasks;
using RsiSim.Storage.Reading;

namespace RsiSim.Certification.Planning;

/// <summary>Picks each arm's best candidate: the best of its trials, with the interval of the measurement that made it the best.</summary>
/// <remarks>
/// The highest trial best is the figure most exposed to a lucky measurement (the maximum of noisy values), so it is
/// the one worth checking; certifying every trial's best would cost trials × arms measurements.
/// </remarks>
internal static class CertificationPlanner
{
    public static List<CertificationTarget> Plan(StoredRun run, ITask task)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(task);
        var reference = Candidate.FromSource(task.ReferenceSource);
        var targets = new List<CertificationTarget>();
        foreach (var arm in run.Manifest.Arms)
        {
            var best = run.Trials
                .Where(t => t.Key.Arm == arm.Name)
                .OrderByDescending(t => t.BestSpeedup)
                .ThenBy(t => t.Key.Index)
                .FirstOrDefault();
            if (best is null)
            {
                continue;
            }
            string hash = best.BestHash ?? reference.Hash;
            // The attempt that set the best: the trial's last improvement to that candidate.
            var setBy = run.AttemptsOf(best.Key)
                .LastOrDefault(a => a.Record.Status == AttemptStatus.Improved && a.Record.CandidateHash == hash)?.Evaluation?.Timing;
            bool isReference = hash == reference.Hash;
            string? source = isReference ? reference.Source : run.Candidates.TryGetValue(hash, out var candidate) ? candidate.Source : null;
            targets.Add(new CertificationTarget(arm.Name, best.Key.Index, hash, source, isReference, best.BestSpeedup, setBy?.Low, setBy?.High));
        }
        return targets;
    }
}
