namespace RsiSim.Agents.Llm.Chat;

/// <summary>What one call gave: a reply or an error, with its usage, latency and retries, ready to record.</summary>
internal sealed record LlmExchange
{
    public required string RequestJson { get; init; }

    public string? ReplyJson { get; init; }

    /// <summary>The reply's text; null when the call failed.</summary>
    public string? Content { get; init; }

    public string? FinishReason { get; init; }

    public TokenUsage Usage { get; init; } = TokenUsage.Zero;

    public TimeSpan Latency { get; init; }

    public int Retries { get; init; }

    /// <summary>Why the call failed; null for a reply.</summary>
    public string? Error { get; init; }

    /// <summary>The candidate the reply edits, when it is not the trial's current best (a replayed call).</summary>
    public string? BaseHash { get; init; }

    /// <summary>Set when there will be no more replies (a replay whose recording ran out): the trial ends.</summary>
    public string? Exhausted { get; init; }
}
