using RsiSim.Core.Agents;

namespace RsiSim.Agents.Random;

/// <summary>Makes <see cref="RandomAgent"/>s.</summary>
public sealed class RandomAgentFactory : IAgentFactory
{
    public AgentDescriptor Descriptor { get; } = new("random", "applies a random applicable move to the best candidate so far", []);

    public IAgent Create(AgentCreation creation) => new RandomAgent();
}
