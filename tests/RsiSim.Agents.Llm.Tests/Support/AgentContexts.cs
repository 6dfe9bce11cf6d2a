using RsiSim.Core.Agents;
using RsiSim.Core.Arms;
using RsiSim.Core.Attempts;
using RsiSim.Core.Budgets;
using RsiSim.Core.Candidates;
using RsiSim.Core.Randomness;
using RsiSim.Tasks.TinyLm;

namespace RsiSim.Agents.Llm.Tests.Support;

/// <summary>What a trial tells an agent, on tinylm, for tests of the prompt and the budget guard.</summary>
internal static class AgentContexts
{
    public static AgentContext Create(ArmDefinition arm, Budget budget, BudgetUsage? spent = null, IReadOnlyList<AttemptRecord>? history = null, params Candidate[] known)
    {
        var reference = Candidate.FromSource(TinyLmTask.Instance.ReferenceSource);
        return new AgentContext
        {
            Task = TinyLmTask.Instance,
            Size = "tiny",
            Arm = arm,
            Trial = 0,
            Attempt = (history?.Count ?? 0) + 1,
            Reference = reference,
            Best = new BestCandidate(reference, 1.0, null),
            History = history ?? [],
            Budget = budget,
            Spent = spent ?? BudgetUsage.Zero,
            Random = new SplitMix64(1),
            FindCandidate = hash => known.FirstOrDefault(c => c.Hash == hash),
        };
    }
}
