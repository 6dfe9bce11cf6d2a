namespace RsiSim.Core.Agents;

/// <summary>The agent kinds a scenario may name.</summary>
public interface IAgentCatalog
{
    IReadOnlyList<IAgentFactory> All { get; }

    IAgentFactory? Find(string name);
}
