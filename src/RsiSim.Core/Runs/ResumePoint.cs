using RsiSim.Core.Candidates;
using RsiSim.Core.Trials;

namespace RsiSim.Core.Runs;

/// <summary>What a resumed run already has: finished trials, the state of unfinished ones, and known candidates.</summary>
public sealed record ResumePoint(
    IReadOnlySet<TrialKey> Finished,
    IReadOnlyDictionary<TrialKey, TrialState> Trials,
    IReadOnlyList<Candidate> Candidates);
