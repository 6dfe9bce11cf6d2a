namespace RsiSim.Agents.Llm.Replies;

/// <summary>A reply turned into a new source, or the reason it could not be.</summary>
internal sealed record EditOutcome(string? Source, string Description)
{
    public bool Succeeded => Source is not null;

    public static EditOutcome Applied(string source, string description) => new(source, description);

    public static EditOutcome Failed(string reason) => new(null, reason);
}
