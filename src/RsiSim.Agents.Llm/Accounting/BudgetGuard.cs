using System.Globalization;
using RsiSim.Agents.Llm.Chat;
using RsiSim.Core.Agents;

namespace RsiSim.Agents.Llm.Accounting;

/// <summary>Before a call: could it overrun the trial's token or money budget? Then the trial ends instead of making it.</summary>
internal static class BudgetGuard
{
    /// <summary>Why the next call must not be made, or null when the budget has room for its worst case.</summary>
    public static string? Refusal(AgentContext context, LlmPrompt prompt, int maxOutputTokens, TokenPrices prices)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(prices);
        long input = TokenEstimate.Generous(prompt.Length);
        long worst = input + maxOutputTokens;
        if (context.Budget.Tokens is { } tokens && context.Spent.Tokens + worst > tokens)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"the token budget has {tokens - context.Spent.Tokens:N0} left, and the next call could use {worst:N0} (about {input:N0} in, up to {maxOutputTokens:N0} out)");
        }
        decimal cost = prices.CostOf(input, maxOutputTokens);
        if (context.Budget.Money is { } money && !prices.Free && context.Spent.Money + cost > money)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"the money budget has {money - context.Spent.Money:0.####} left, and the next call could cost {cost:0.####}");
        }
        return null;
    }
}
