namespace RsiSim.Core.Agents;

/// <summary>The three things an agent can answer.</summary>
public enum ProposalKind
{
    Candidate,
    EditFailed,
    AgentError,
    Finished,
}
