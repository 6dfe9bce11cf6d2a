using RsiSim.Agents.Llm.Tests.Support;
using RsiSim.Core.Attempts;
using RsiSim.Core.Budgets;

namespace RsiSim.Agents.Llm.Tests;

public sealed class LlmAgentFaultTests
{
    private static readonly string Good = ModelReplies.WholeFile(ModelReplies.Source(ModelReplies.Improving[0]));
    private static readonly string Better = ModelReplies.WholeFile(ModelReplies.Source(ModelReplies.Improving[1]));

    [Theory]
    [InlineData("429 with Retry-After, then an answer")]
    [InlineData("429 on every try")]
    [InlineData("500 on every try")]
    [InlineData("503, then an answer")]
    [InlineData("503 on every try")]
    [InlineData("a reply slower than the request timeout")]
    [InlineData("a dropped connection on every try")]
    [InlineData("a dropped connection, then an answer")]
    [InlineData("malformed JSON")]
    [InlineData("a truncated code block")]
    [InlineData("a SEARCH block that matches nothing")]
    [InlineData("a stream that goes silent")]
    public async Task Each_fault_ends_its_attempt_as_specified_and_the_trial_goes_on_to_completion(string fault)
    {
        // Given an endpoint that fails the first call in one way, then answers the second
        var expected = FaultCase.Named(fault, Good);
        await using var server = await OpenAiTestServer.StartAsync([.. expected.FirstCall, ScriptedReply.Answer(Better)]);
        using var folder = new TempFolder();
        using var logs = new CollectingLoggerProvider();

        // When a trial of two attempts runs
        var run = await LlmLoop.RunAsync(
            LlmLoop.Scenario(LlmArms.Create(server.Endpoint, expected.Options), new Budget(Attempts: 2)), folder.Combine("run"), loggers: logs.CreateFactory());

        // Then the first attempt ends as specified, the second is a candidate, and the trial completed with both recorded
        var first = run.Attempts[0].Record;
        if (expected.Status is { } status)
        {
            Assert.True(status == first.Status, $"{fault}: {first.Status} {first.Detail}");
            Assert.Contains(expected.Detail, first.Detail, StringComparison.Ordinal);
        }
        else
        {
            Assert.True(first.Status.IsValid(), $"{fault}: {first.Status} {first.Detail}");
        }
        Assert.True(run.Attempts[1].Record.Status.IsValid(), $"{fault}, attempt 2: {run.Attempts[1].Record.Status} {run.Attempts[1].Record.Detail}");
        Assert.Equal([1, 2], run.Attempts.Select(a => a.Record.Index));
        Assert.Equal("attempts", Assert.Single(run.Trials).StopReason);
        Assert.Equal(2, run.LlmCalls.Count);
        var call = run.LlmCalls[0].Call;
        Assert.Equal(expected.Retries, call.Retries);
        Assert.Equal(first.Status == AttemptStatus.AgentError, call.Error is not null);
        Assert.Equal(first.Status == AttemptStatus.AgentError, call.ReplyJson is null);
        Assert.Equal(0, server.Unused);
        if (expected.Log is { } log)
        {
            Assert.Contains(logs.Messages, m => m.StartsWith(log, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task An_endpoint_that_keeps_failing_opens_the_breaker_and_the_trial_pauses_then_goes_on_without_hammering_it()
    {
        // Given an endpoint down for two whole calls (one retry each), then back
        await using var server = await OpenAiTestServer.StartAsync(
            ScriptedReply.Status(500), ScriptedReply.Status(500), ScriptedReply.Status(500), ScriptedReply.Status(500), ScriptedReply.Answer(Good));
        using var folder = new TempFolder();
        using var logs = new CollectingLoggerProvider();
        var arm = LlmArms.Create(server.Endpoint, ("retries", 1), ("breakDuration", TimeSpan.FromSeconds(1)));

        // When three attempts run
        var run = await LlmLoop.RunAsync(LlmLoop.Scenario(arm, new Budget(Attempts: 3)), folder.Combine("run"), loggers: logs.CreateFactory());

        // Then the breaker opened after the second call, the third call waited for it instead of failing, and nothing was lost
        Assert.Equal([AttemptStatus.AgentError, AttemptStatus.AgentError], run.Attempts.Take(2).Select(a => a.Record.Status));
        Assert.True(run.Attempts[2].Record.Status.IsValid(), run.Attempts[2].Record.Detail);
        Assert.Contains(logs.Messages, m => m.Contains("circuit breaker open for 00:00:01", StringComparison.Ordinal));
        Assert.Equal(5, server.Received.Count);
        Assert.Equal(1, run.LlmCalls[2].Call.Retries);
    }

    [Fact]
    public async Task A_call_waiting_for_the_breaker_is_let_through_even_when_its_timer_fires_a_little_early()
    {
        // Given an endpoint down for two whole calls, then back, and timers that fire 40 ms before they are due
        await using var server = await OpenAiTestServer.StartAsync(
            ScriptedReply.Status(500), ScriptedReply.Status(500), ScriptedReply.Status(500), ScriptedReply.Status(500), ScriptedReply.Answer(Good));
        using var folder = new TempFolder();
        var arm = LlmArms.Create(server.Endpoint, ("retries", 1), ("breakDuration", TimeSpan.FromSeconds(1)));
        var factory = LlmArms.Factory(time: new EarlyTimers(TimeSpan.FromMilliseconds(40)));

        // When three attempts run
        var run = await LlmLoop.RunAsync(LlmLoop.Scenario(arm, new Budget(Attempts: 3)), folder.Combine("run"), factory);

        // Then the third call's one wait outlasted the break: it reached the endpoint instead of being turned away again
        Assert.True(run.Attempts[2].Record.Status.IsValid(), run.Attempts[2].Record.Detail);
        Assert.Equal(5, server.Received.Count);
    }

    [Fact]
    public async Task The_key_is_sent_to_the_endpoint_but_never_recorded()
    {
        // Given an endpoint that answers once
        await using var server = await OpenAiTestServer.StartAsync(ScriptedReply.Answer(Good));
        using var folder = new TempFolder();

        // When a trial runs
        var run = await LlmLoop.RunAsync(LlmLoop.Scenario(LlmArms.Create(server.Endpoint), new Budget(Attempts: 1)), folder.Combine("run"));

        // Then the server got the key, and run.db holds the request with its Authorization header masked
        Assert.Equal("Bearer " + LlmArms.Key, Assert.Single(server.Received).Authorization);
        var call = Assert.Single(run.LlmCalls).Call;
        Assert.Contains("\"Authorization\":\"[redacted]\"", call.RequestJson, StringComparison.Ordinal);
        Assert.Contains("\"url\":\"" + server.Endpoint + "/chat/completions\"", call.RequestJson, StringComparison.Ordinal);
        byte[] database = await File.ReadAllBytesAsync(Path.Combine(folder.Combine("run"), "run.db"), TestContext.Current.CancellationToken);
        Assert.DoesNotContain(LlmArms.Key, System.Text.Encoding.UTF8.GetString(database), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Azure_openai_calls_the_deployment_with_the_key_in_its_api_key_header_and_records_it_masked()
    {
        // Given an Azure-shaped endpoint that answers once
        await using var server = await OpenAiTestServer.StartAsync(ScriptedReply.Answer(Good));
        using var folder = new TempFolder();
        var arm = LlmArms.Create(server.Root, ("provider", "azure-openai"), ("model", "my-deployment"));

        // When a trial runs
        var run = await LlmLoop.RunAsync(LlmLoop.Scenario(arm, new Budget(Attempts: 1)), folder.Combine("run"));

        // Then the deployment got the call with the key, and the recorded request masks it
        var received = Assert.Single(server.Received);
        Assert.StartsWith("/openai/deployments/my-deployment/chat/completions?api-version=", received.Path, StringComparison.Ordinal);
        Assert.Equal(LlmArms.Key, received.ApiKey);
        Assert.True(run.Attempts[0].Record.Status.IsValid(), run.Attempts[0].Record.Detail);
        Assert.Contains("\"api-key\":\"[redacted]\"", run.LlmCalls[0].Call.RequestJson, StringComparison.Ordinal);
        Assert.DoesNotContain(LlmArms.Key, run.LlmCalls[0].Call.RequestJson, StringComparison.Ordinal);
    }
}
