namespace RsiSim.Core.Agents;

/// <summary>What one proposal cost: tokens, money and simulated minutes of agent time.</summary>
public sealed record AgentUsage(long InputTokens, long OutputTokens, decimal Cost, double SimulatedMinutes)
{
    public static AgentUsage None { get; } = new(0, 0, 0m, 0);

    public long Tokens => InputTokens + OutputTokens;
}
