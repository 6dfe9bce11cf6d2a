using RsiSim.Agents.Llm.Tests.Support;
using RsiSim.Core.Attempts;
using RsiSim.Core.Budgets;

namespace RsiSim.Agents.Llm.Tests.Replay;

public sealed class ReplayTests
{
    private const string ClassLine = "public sealed class TinyLmModel : ITinyLmModel";

    [Fact]
    public async Task A_replayed_run_makes_the_same_attempts_with_no_network_and_ends_when_the_recording_does()
    {
        // Given a recorded run: a whole file, an edit of the best, a failing endpoint and a cut-off reply
        await using var server = await OpenAiTestServer.StartAsync(
            ScriptedReply.Answer(ModelReplies.WholeFile(ModelReplies.Source(ModelReplies.Improving[0])), promptTokens: 900, completionTokens: 250),
            ScriptedReply.Answer(ModelReplies.SearchReplace(ClassLine, "// Sealed, so calls devirtualise.\n" + ClassLine), promptTokens: 1000, completionTokens: 40),
            ScriptedReply.Status(500), ScriptedReply.Status(500), ScriptedReply.Status(500),
            ScriptedReply.Answer("```csharp\npublic sealed class", finishReason: "length"));
        using var folder = new TempFolder();
        var recorded = await LlmLoop.RunAsync(
            LlmLoop.Scenario(LlmArms.Create(server.Endpoint, ("editFormat", "search-replace")), new Budget(Attempts: 4)), folder.Combine("recorded"));
        int requests = server.Received.Count;

        // When an arm with the same name replays it, with no endpoint, and a budget larger than the recording
        var replayArm = LlmArms.Create(null, ("editFormat", "search-replace"), ("replay", folder.Combine("recorded")));
        var replayed = await LlmLoop.RunAsync(LlmLoop.Scenario(replayArm, new Budget(Attempts: 6)), folder.Combine("replayed"));

        // Then it proposed the same candidates with the same outcomes and spending, sent nothing, and stopped when the replies ran out
        Assert.Equal(requests, server.Received.Count);
        Assert.Equal(
            recorded.Attempts.Select(a => (a.Record.CandidateHash, Kind(a.Record.Status), a.Record.Usage.Tokens, a.Record.Usage.Cost)),
            replayed.Attempts.Select(a => (a.Record.CandidateHash, Kind(a.Record.Status), a.Record.Usage.Tokens, a.Record.Usage.Cost)));
        Assert.Equal(
            [AttemptStatus.AgentError, AttemptStatus.EditFailed],
            replayed.Attempts.Skip(2).Select(a => a.Record.Status));
        Assert.Equal(recorded.Attempts.Select(a => a.Record.Detail).Skip(2), replayed.Attempts.Select(a => a.Record.Detail).Skip(2));
        Assert.StartsWith("agent-finished: the recorded run", Assert.Single(replayed.Trials).StopReason, StringComparison.Ordinal);
        Assert.Equal(4, replayed.LlmCalls.Count);
        Assert.Contains("\"replayOf\"", replayed.LlmCalls[0].Call.RequestJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replaying_a_folder_that_holds_no_run_ends_the_trial_with_the_reason_and_no_attempt()
    {
        // Given an empty folder named as the recording
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Combine("not-a-run"));

        // When an arm replays it
        var run = await LlmLoop.RunAsync(
            LlmLoop.Scenario(LlmArms.Create(null, ("replay", folder.Combine("not-a-run"))), new Budget(Attempts: 3)), folder.Combine("run"));

        // Then the trial ends at once, saying why
        Assert.Empty(run.Attempts);
        Assert.StartsWith("agent-finished: cannot replay " + folder.Combine("not-a-run"), Assert.Single(run.Trials).StopReason, StringComparison.Ordinal);
    }

    // Timings decide improved or not-faster; what a reply made of the candidate does not depend on them.
    private static string Kind(AttemptStatus status) => status.IsValid() ? "valid" : status.ToName();
}
