using RsiSim.Core.Agents;

namespace RsiSim.Scenarios.Tests.Fakes;

/// <summary>An agent kind with a real descriptor that never makes an agent: the loader only reads descriptors.</summary>
public sealed class FakeAgentFactory(AgentDescriptor descriptor) : IAgentFactory
{
    public AgentDescriptor Descriptor { get; } = descriptor;

    public IAgent Create(AgentCreation creation) => throw new NotSupportedException("The loader never creates agents.");
}
