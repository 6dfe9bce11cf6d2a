using RsiSim.Agents.Llm.Tests.Support;
using RsiSim.Core.Attempts;
using RsiSim.Core.Budgets;

namespace RsiSim.Agents.Llm.Tests;

public sealed class LlmAgentLoopTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_model_that_returns_better_and_better_candidates_raises_the_best_speedup_and_every_call_is_recorded(bool stream)
    {
        // Given a "model" whose five replies are ever faster correct versions of tinylm
        await using var server = await OpenAiTestServer.StartAsync([.. ModelReplies.Improving.Select(m => ScriptedReply.Answer(ModelReplies.WholeFile(ModelReplies.Source(m))))]);
        using var folder = new TempFolder();
        var arm = LlmArms.Create(server.Endpoint, ("stream", stream));

        // When the real loop runs five attempts against it
        var run = await LlmLoop.RunAsync(LlmLoop.Scenario(arm, new Budget(Attempts: 5)), folder.Combine("run"));

        // Then every candidate passed the checks, the best rose, and each call is in run.db with its tokens and cost
        var attempts = run.Attempts.Select(a => a.Record).ToList();
        Assert.Equal(5, attempts.Count);
        Assert.All(attempts, a => Assert.True(a.Status.IsValid(), $"attempt {a.Index}: {a.Status} {a.Detail}"));
        // How much each one gains at this tiny size is noise-prone; that the loop kept a faster one, and never lost it, is not.
        Assert.Contains(attempts, a => a.Status == AttemptStatus.Improved);
        Assert.True(attempts[^1].BestSpeedup > 1.0, string.Join("; ", attempts.Select(a => $"{a.Status} {a.Speedup:0.00}")));
        Assert.Equal(attempts.Select(a => a.BestSpeedup).Order(), attempts.Select(a => a.BestSpeedup));
        Assert.Equal(5, run.LlmCalls.Count);
        Assert.All(run.LlmCalls, c =>
        {
            Assert.Equal(1200, c.Call.InputTokens);
            Assert.Equal(300, c.Call.OutputTokens);
            Assert.Equal(0.0048m, c.Call.Cost);
            Assert.Equal(0, c.Call.Retries);
            Assert.Null(c.Call.Error);
        });
        Assert.Equal(5 * 1500, attempts[^1].Spent.Tokens);
        Assert.Equal(5 * 0.0048m, attempts[^1].Spent.Money);
        Assert.All(server.Received, r => Assert.Equal(stream, r.Stream));
        Assert.All(server.Received.Where(r => r.Stream), r => Assert.Contains("\"include_usage\":true", r.Body, StringComparison.Ordinal));
        Assert.Equal(0, server.Unused);
    }

    [Fact]
    public async Task The_prompt_carries_the_rules_the_best_source_the_history_with_details_and_the_budget_left()
    {
        // Given a model that first writes code that does not compile, then a correct faster version
        string broken = ModelReplies.Source().Replace("public double TrainStep(", "public double TrainStep(int oops, ", StringComparison.Ordinal);
        await using var server = await OpenAiTestServer.StartAsync(
            ScriptedReply.Answer(ModelReplies.WholeFile(broken, "Add a parameter.")),
            ScriptedReply.Answer(ModelReplies.WholeFile(ModelReplies.Source(ModelReplies.Improving[0]))),
            ScriptedReply.Answer(ModelReplies.WholeFile(ModelReplies.Source(ModelReplies.Improving[0]))));
        using var folder = new TempFolder();

        // When three attempts run
        var run = await LlmLoop.RunAsync(LlmLoop.Scenario(LlmArms.Create(server.Endpoint), new Budget(Attempts: 3, Tokens: 1_000_000)), folder.Combine("run"));

        // Then the second prompt shows the rules, the reference as best, the compile error with its line, and the budget
        Assert.Equal(AttemptStatus.CompileError, run.Attempts[0].Record.Status);
        string second = server.Received[1].Message("user");
        Assert.Contains("## What is checked", second, StringComparison.Ordinal);
        Assert.Contains("This is the reference itself", second, StringComparison.Ordinal);
        Assert.Contains("- Attempt 1 (candidate " + run.Attempts[0].Record.CandidateHash + "): compile-error", second, StringComparison.Ordinal);
        Assert.Contains("change: Add a parameter.", second, StringComparison.Ordinal);
        Assert.Matches(@"result: line \d+, column \d+: CS\d+", second);
        Assert.Matches(@"line \d+ was: `public sealed class TinyLmModel : ITinyLmModel`", second);
        Assert.Contains("- attempts: 2 of 3 left", second, StringComparison.Ordinal);
        Assert.Contains("- tokens: 998,500 of 1,000,000 left", second, StringComparison.Ordinal);
        Assert.Contains("```csharp", server.Received[1].Message("system"), StringComparison.Ordinal);
        // and the third shows the new best with its measured figures, and the same file again is not-faster
        if (run.Attempts[1].Record.Status == AttemptStatus.Improved)
        {
            string third = server.Received[2].Message("user");
            Assert.Contains("candidate " + run.Attempts[1].Record.CandidateHash + ")", third, StringComparison.Ordinal);
            Assert.Matches(@"Speedup \d+\.\d\dx over the reference \(95% interval", third);
            Assert.Contains("- check held-out-loss: passed", third, StringComparison.Ordinal);
        }
    }
}
