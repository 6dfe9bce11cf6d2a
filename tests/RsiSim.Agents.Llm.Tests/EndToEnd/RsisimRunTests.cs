using System.Text.Json;
using RsiSim.Agents.Llm.Tests.Support;
using RsiSim.Core.Attempts;
using RsiSim.Storage.Reading;

namespace RsiSim.Agents.Llm.Tests.EndToEnd;

public sealed class RsisimRunTests
{
    private const string KeyVariable = "RSISIM_E2E_LLM_KEY";
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Rsisim_run_records_tokens_cost_and_statuses_and_a_replay_with_no_server_gives_the_same_attempts()
    {
        // Given a test server scripted for three attempts (a candidate, an endpoint failing on every try, a better candidate)
        using var folder = new TempFolder();
        string runDirectory;
        await using (var server = await OpenAiTestServer.StartAsync(
            ScriptedReply.Answer(ModelReplies.WholeFile(ModelReplies.Source(ModelReplies.Improving[0]))),
            ScriptedReply.Status(503), ScriptedReply.Status(503),
            ScriptedReply.Answer(ModelReplies.WholeFile(ModelReplies.Source(ModelReplies.Improving[2])))))
        {
            File.WriteAllText(folder.Combine("llm.yaml"), Scenario($"""
                    endpoint: {server.Endpoint}
                    model: {ScriptedReply.Model}
                    apiKeyEnv: {KeyVariable}
                    retries: 1
                """));

            // When rsisim runs it with the key in the environment
            var (exit, stdout, stderr) = await RsisimProcess.RunAsync(
                folder.Path, new Dictionary<string, string?> { [KeyVariable] = LlmArms.Key }, Limit, "run", "llm.yaml", "--out", "runs", "--json");

            // Then run.db holds the three attempts with their statuses, tokens and cost, and every call
            Assert.True(exit == 0, stderr);
            runDirectory = Assert.Single(Directory.GetDirectories(folder.Combine("runs")));
            Assert.Equal(0, server.Unused);
            using var summary = JsonDocument.Parse(stdout);
            var arm = summary.RootElement.GetProperty("arms")[0];
            Assert.Equal(2 * 1500, arm.GetProperty("tokens").GetInt64());
            Assert.Equal(2 * 0.0048m, arm.GetProperty("cost").GetDecimal());
        }
        var recorded = await RunStoreReader.LoadAsync(runDirectory, TestContext.Current.CancellationToken);
        var statuses = recorded.Attempts.Select(a => a.Record.Status).ToList();
        Assert.Equal(3, statuses.Count);
        Assert.True(statuses[0].IsValid() && statuses[2].IsValid(), string.Join(", ", statuses));
        Assert.Equal(AttemptStatus.AgentError, statuses[1]);
        Assert.Equal([1500L, 0L, 1500L], recorded.Attempts.Select(a => a.Record.Usage.Tokens));
        Assert.Equal([0.0048m, 0m, 0.0048m], recorded.Attempts.Select(a => a.Record.Usage.Cost));
        Assert.Equal([0, 1, 0], recorded.LlmCalls.Select(c => c.Call.Retries));
        Assert.DoesNotContain(LlmArms.Key, File.ReadAllText(Path.Combine(runDirectory, "run.db")), StringComparison.Ordinal);

        // When the run is replayed with the server gone and no key in the environment
        File.WriteAllText(folder.Combine("replay.yaml"), Scenario($"""
                model: {ScriptedReply.Model}
                replay: {runDirectory}
            """));
        var replay = await RsisimProcess.RunAsync(folder.Path, new Dictionary<string, string?> { [KeyVariable] = null }, Limit, "run", "replay.yaml", "--out", "replays");

        // Then it makes the same attempts
        Assert.True(replay.ExitCode == 0, replay.Stderr);
        var replayed = await RunStoreReader.LoadAsync(Assert.Single(Directory.GetDirectories(folder.Combine("replays"))), TestContext.Current.CancellationToken);
        Assert.Equal(
            recorded.Attempts.Select(a => (a.Record.CandidateHash, a.Record.Status.IsValid(), a.Record.Usage)),
            replayed.Attempts.Select(a => (a.Record.CandidateHash, a.Record.Status.IsValid(), a.Record.Usage)));
    }

    [Fact]
    public async Task Validate_warns_and_run_refuses_when_the_key_variable_is_not_set()
    {
        // Given an llm arm whose key variable is not set
        using var folder = new TempFolder();
        File.WriteAllText(folder.Combine("llm.yaml"), Scenario($"""
                endpoint: http://127.0.0.1:9/v1
                model: m
                apiKeyEnv: {KeyVariable}
            """));
        var unset = new Dictionary<string, string?> { [KeyVariable] = null };

        // When it is validated, then run
        var validate = await RsisimProcess.RunAsync(folder.Path, unset, Limit, "validate", "llm.yaml");
        var run = await RsisimProcess.RunAsync(folder.Path, unset, Limit, "run", "llm.yaml", "--out", "runs");

        // Then validate passes with a warning, and run exits 1 with the reason and creates no run folder
        Assert.True(validate.ExitCode == 0, validate.Stderr);
        Assert.Contains($"warning: arms[0].apiKeyEnv: the environment variable {KeyVariable} (named by apiKeyEnv) is not set", validate.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"arms[0].apiKeyEnv: the environment variable {KeyVariable} (named by apiKeyEnv) is not set", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("llm arm(s) gpt cannot start; nothing was run.", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.Combine("runs")));
    }

    private static string Scenario(string armOptions) => $"""
        name: llm-e2e
        task: {"{"} id: tinylm, size: tiny {"}"}
        seed: 7
        trials: 1
        budget: {"{"} attempts: 3 {"}"}
        arms:
          - name: gpt
            agent: llm
            requestTimeout: 2s
            retryDelay: 20ms
            inputPricePerMillion: 2
            outputPricePerMillion: 8
        {armOptions.TrimEnd()}
        """;
}
