using System.Collections.Immutable;

namespace RsiSim.Reporting.Lineages;

/// <summary>One accepted improvement of a trial: the attempt, its measured speedup and its change against its parent.</summary>
/// <param name="Attempt">The 1-based attempt.</param>
/// <param name="CandidateHash">The improved candidate.</param>
/// <param name="ParentHash">The candidate it was derived from.</param>
/// <param name="Speedup">Its confirmed speedup.</param>
/// <param name="CiLow">Lower bound of the speedup's 95% interval, when timed.</param>
/// <param name="CiHigh">Upper bound of that interval.</param>
/// <param name="Description">What the agent said it did.</param>
/// <param name="Moves">The candidate's moves, for offline agents.</param>
/// <param name="Diff">The change against the parent; null when the parent's source is not known.</param>
public sealed record LineageStep(
    int Attempt,
    string CandidateHash,
    string? ParentHash,
    double Speedup,
    double? CiLow,
    double? CiHigh,
    string Description,
    ImmutableSortedSet<string> Moves,
    SourceDiff? Diff);
