using System.Collections.Immutable;

namespace RsiSim.Core.Agents;

/// <summary>What an agent proposes: a candidate source, a reply that could not be applied, or that it has nothing left.</summary>
public sealed record Proposal
{
    private Proposal(ProposalKind kind, string? source, ImmutableSortedSet<string> moves, string description, AgentUsage usage)
    {
        Kind = kind;
        Source = source;
        Moves = moves;
        Description = description;
        Usage = usage;
    }

    public ProposalKind Kind { get; }

    /// <summary>The proposed C# file, for <see cref="ProposalKind.Candidate"/>.</summary>
    public string? Source { get; }

    /// <summary>The moves the source was built from, for offline agents.</summary>
    public ImmutableSortedSet<string> Moves { get; }

    /// <summary>What the agent did, or why its reply could not be applied, or why it stopped.</summary>
    public string Description { get; }

    public AgentUsage Usage { get; }

    /// <summary>The parent to record; null means the trial's current best.</summary>
    public string? ParentHash { get; init; }

    /// <summary>The candidate already built (its hash computed), for agents that propose the same candidates often.</summary>
    public Candidates.Candidate? Prepared { get; private init; }

    public static Proposal Candidate(string source, string description, AgentUsage? usage = null, IEnumerable<string>? moves = null) =>
        new(ProposalKind.Candidate, source ?? throw new ArgumentNullException(nameof(source)), moves is null ? [] : [.. moves], description, usage ?? AgentUsage.None);

    /// <summary>A candidate built once and reused: no source hashing per attempt.</summary>
    public static Proposal Candidate(Candidates.Candidate candidate, string description, AgentUsage? usage = null)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return new Proposal(ProposalKind.Candidate, candidate.Source, candidate.Moves, description, usage ?? AgentUsage.None) { Prepared = candidate };
    }

    public static Proposal EditFailed(string reason, AgentUsage? usage = null) =>
        new(ProposalKind.EditFailed, null, [], reason, usage ?? AgentUsage.None);

    /// <summary>The agent failed (its endpoint, after retries, or an exception); the trial goes on.</summary>
    public static Proposal AgentError(string reason, AgentUsage? usage = null) =>
        new(ProposalKind.AgentError, null, [], reason, usage ?? AgentUsage.None);

    /// <summary>The agent has nothing more to try; the trial ends before its budget does.</summary>
    public static Proposal Finished(string reason) => new(ProposalKind.Finished, null, [], reason, AgentUsage.None);
}
