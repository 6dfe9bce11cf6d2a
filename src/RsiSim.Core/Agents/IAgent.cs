namespace RsiSim.Core.Agents;

/// <summary>Proposes the next candidate from what happened so far. One instance serves one trial.</summary>
public interface IAgent
{
    ValueTask<Proposal> ProposeAsync(AgentContext context, CancellationToken cancellationToken);
}
