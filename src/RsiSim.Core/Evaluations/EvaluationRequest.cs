using RsiSim.Core.Candidates;

namespace RsiSim.Core.Evaluations;

/// <summary>What to evaluate, at which size, with which hidden seeds.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="Size">The task size.</param>
/// <param name="Candidate">The candidate source.</param>
/// <param name="HiddenSeed">Root of the seeds the checks and timed runs use; agents never see it.</param>
/// <param name="Fresh">Measure again even when the cache has this candidate (a new best's confirmation).</param>
public sealed record EvaluationRequest(string TaskId, string Size, Candidate Candidate, ulong HiddenSeed, bool Fresh = false);
