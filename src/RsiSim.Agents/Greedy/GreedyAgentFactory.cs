using RsiSim.Core.Agents;

namespace RsiSim.Agents.Greedy;

/// <summary>Makes <see cref="GreedyAgent"/>s.</summary>
public sealed class GreedyAgentFactory : IAgentFactory
{
    public AgentDescriptor Descriptor { get; } = new("greedy", "hill-climbs: tries each untried move on the best candidate and keeps any that beats it", []);

    public IAgent Create(AgentCreation creation) => new GreedyAgent();
}
