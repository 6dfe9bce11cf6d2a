using System.Collections.Immutable;
using RsiSim.Core.Agents;
using RsiSim.Core.Budgets;

namespace RsiSim.Core.Attempts;

/// <summary>One proposal and its evaluation, inside a trial, with what the trial had spent when it ended.</summary>
/// <param name="Index">1-based position in the trial.</param>
/// <param name="Status">How it ended.</param>
/// <param name="CandidateHash">The proposed candidate, when there was one.</param>
/// <param name="ParentHash">The candidate it was derived from.</param>
/// <param name="Description">What the agent said it did.</param>
/// <param name="Moves">The candidate's moves, for offline agents.</param>
/// <param name="Speedup">Measured speedup of a valid candidate.</param>
/// <param name="BestSpeedup">The trial's best speedup after this attempt; never decreases.</param>
/// <param name="Detail">Why it ended so: the compile error, the failed check, the timing.</param>
/// <param name="Usage">What this attempt's proposal cost.</param>
/// <param name="Spent">What the trial had spent when this attempt ended (cumulative).</param>
public sealed record AttemptRecord(
    int Index,
    AttemptStatus Status,
    string? CandidateHash,
    string? ParentHash,
    string Description,
    ImmutableSortedSet<string> Moves,
    double? Speedup,
    double BestSpeedup,
    string Detail,
    AgentUsage Usage,
    BudgetUsage Spent);
