using RsiSim.Core.Arms;
using RsiSim.Core.Attempts;
using RsiSim.Core.Budgets;
using RsiSim.Core.Candidates;
using RsiSim.Core.Randomness;
using RsiSim.Core.Tasks;

namespace RsiSim.Core.Agents;

/// <summary>Everything an agent may know when it proposes: the task, the best so far, the history, the budget left.</summary>
/// <remarks>Hidden seeds, the reference's hidden results and the timer are not here, by design.</remarks>
public sealed class AgentContext
{
    public required ITask Task { get; init; }

    public required string Size { get; init; }

    public required ArmDefinition Arm { get; init; }

    /// <summary>0-based index of the trial within its arm.</summary>
    public required int Trial { get; init; }

    /// <summary>1-based index of the attempt being proposed.</summary>
    public required int Attempt { get; init; }

    /// <summary>The reference candidate every trial starts from.</summary>
    public required Candidate Reference { get; init; }

    /// <summary>The trial's best valid candidate so far (the reference, at 1x, until something beats it).</summary>
    public required BestCandidate Best { get; init; }

    /// <summary>Every earlier attempt of this trial, oldest first.</summary>
    public required IReadOnlyList<AttemptRecord> History { get; init; }

    public required Budget Budget { get; init; }

    public required BudgetUsage Spent { get; init; }

    /// <summary>The trial's random stream; the only randomness an agent may use.</summary>
    public required SplitMix64 Random { get; init; }

    /// <summary>Looks up the source of an earlier candidate of this run by hash.</summary>
    public required Func<string, Candidate?> FindCandidate { get; init; }
}
