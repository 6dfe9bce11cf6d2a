namespace RsiSim.Agents.Llm.Accounting;

/// <summary>What a million input and output tokens cost, in the budget's currency.</summary>
internal sealed record TokenPrices(decimal InputPerMillion, decimal OutputPerMillion)
{
    private const decimal Million = 1_000_000m;

    public bool Free => InputPerMillion == 0 && OutputPerMillion == 0;

    public decimal CostOf(long inputTokens, long outputTokens) =>
        inputTokens * InputPerMillion / Million + outputTokens * OutputPerMillion / Million;
}
