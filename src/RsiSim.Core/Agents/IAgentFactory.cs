namespace RsiSim.Core.Agents;

/// <summary>Makes the agents of one kind; its descriptor says which options an arm of this kind accepts.</summary>
public interface IAgentFactory
{
    AgentDescriptor Descriptor { get; }

    IAgent Create(AgentCreation creation);
}
