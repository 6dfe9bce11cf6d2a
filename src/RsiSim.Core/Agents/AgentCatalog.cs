namespace RsiSim.Core.Agents;

/// <summary>A fixed list of agent factories, looked up by name.</summary>
public sealed class AgentCatalog(IEnumerable<IAgentFactory> factories) : IAgentCatalog
{
    public IReadOnlyList<IAgentFactory> All { get; } = [.. factories];

    public IAgentFactory? Find(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Descriptor.Name, name, StringComparison.Ordinal));
}
