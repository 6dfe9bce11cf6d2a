using RsiSim.Agents.BestOfN;
using RsiSim.Agents.Evolution;
using RsiSim.Agents.Greedy;
using RsiSim.Agents.Persona;
using RsiSim.Agents.Random;
using RsiSim.Agents.Replay;
using RsiSim.Core.Agents;

namespace RsiSim.Agents;

/// <summary>The agents that need no key and no network.</summary>
public static class OfflineAgents
{
    public static IReadOnlyList<IAgentFactory> Factories { get; } = [new GreedyAgentFactory(), new RandomAgentFactory(), new EvolutionAgentFactory(), new BestOfNAgentFactory(), new PersonaAgentFactory(), new ReplayAgentFactory()];
}
