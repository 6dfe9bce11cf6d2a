using RsiSim.Core.Candidates;

namespace RsiSim.Core.Agents;

/// <summary>One recorded proposal: its kind, the candidate (for a candidate), what the agent said and what it cost.</summary>
public sealed record RecordedProposal(ProposalKind Kind, Candidate? Candidate, string Description, AgentUsage Usage)
{
    /// <summary>The proposal again, exactly.</summary>
    public Proposal ToProposal() => Kind switch
    {
        ProposalKind.Candidate => Proposal.Candidate(Candidate ?? throw new InvalidOperationException("a recorded candidate proposal has no candidate"), Description, Usage),
        ProposalKind.EditFailed => Proposal.EditFailed(Description, Usage),
        ProposalKind.AgentError => Proposal.AgentError(Description, Usage),
        _ => Proposal.Finished(Description),
    };
}
