namespace RsiSim.Agents.Llm.Chat;

/// <summary>Tokens of one call; <see cref="Reported"/> is false when the server sent no usage and the counts are estimates.</summary>
internal sealed record TokenUsage(long Input, long Output, bool Reported)
{
    public static TokenUsage Zero { get; } = new(0, 0, true);
}
