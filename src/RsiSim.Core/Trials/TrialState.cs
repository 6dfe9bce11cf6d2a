using RsiSim.Core.Agents;
using RsiSim.Core.Attempts;
using RsiSim.Core.Budgets;

namespace RsiSim.Core.Trials;

/// <summary>Where a trial stands: its history, best, spending and random stream. A resumed trial starts from one.</summary>
/// <param name="History">Every recorded attempt, oldest first.</param>
/// <param name="Best">The best valid candidate so far.</param>
/// <param name="Spent">What has been spent, including wall time before an interruption.</param>
/// <param name="RandomState">The state of the trial's random stream after the last recorded attempt.</param>
public sealed record TrialState(IReadOnlyList<AttemptRecord> History, BestCandidate Best, BudgetUsage Spent, ulong RandomState);
