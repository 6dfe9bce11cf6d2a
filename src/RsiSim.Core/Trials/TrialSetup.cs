using RsiSim.Core.Agents;
using RsiSim.Core.Arms;
using RsiSim.Core.Candidates;
using RsiSim.Core.Runs;
using RsiSim.Core.Tasks;

namespace RsiSim.Core.Trials;

/// <summary>What one trial runs: its scenario, task, arm, seed and agent.</summary>
public sealed record TrialSetup(Scenario Scenario, ITask Task, ArmDefinition Arm, int Index, ulong Seed, IAgent Agent, Func<string, Candidate?> FindCandidate)
{
    public TrialKey Key => new(Arm.Name, Index);

    /// <summary>The loop options in force: the arm's own, else the scenario's.</summary>
    public LoopOptions Loop => Scenario.LoopOf(Arm);
}
