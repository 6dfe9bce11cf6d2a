using RsiSim.Agents.Llm.Tests.Support;
using RsiSim.Core.Budgets;

namespace RsiSim.Agents.Llm.Tests;

public sealed class LlmAgentBudgetTests
{
    [Theory]
    [InlineData(10_000L, null, "agent-finished: the token budget has 10,000 left, and the next call could use")]
    [InlineData(null, 0.01, "agent-finished: the money budget has 0.01 left, and the next call could cost")]
    public async Task A_call_that_could_overrun_the_token_or_money_budget_is_not_made_and_the_trial_ends_with_the_reason(long? tokens, double? money, string reason)
    {
        // Given an endpoint, and a budget too small for the next call's worst case (a long prompt and up to 8,192 tokens out)
        await using var server = await OpenAiTestServer.StartAsync();
        using var folder = new TempFolder();
        var budget = new Budget(Attempts: 5, Tokens: tokens, Money: (decimal?)money);

        // When the trial runs
        var run = await LlmLoop.RunAsync(LlmLoop.Scenario(LlmArms.Create(server.Endpoint, ("maxOutputTokens", 8192)), budget), folder.Combine("run"));

        // Then no call was made and the trial ended, saying why
        Assert.Empty(server.Received);
        Assert.Empty(run.Attempts);
        Assert.StartsWith(reason, Assert.Single(run.Trials).StopReason, StringComparison.Ordinal);
    }
}
