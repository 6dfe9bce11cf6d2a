using RsiSim.IntegrationTests.Support;
using RsiSim.Storage.Reading;
using RsiSim.Storage.Tests.Support;

namespace RsiSim.IntegrationTests.Agents;

/// <summary>A trial recorded by one rsisim run, replayed by another through <c>agent: replay</c>.</summary>
public sealed class ReplayRunTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_replay_arm_proposes_the_recorded_trials_candidates_in_order_and_the_statuses_follow()
    {
        using var folder = new TempFolder();
        string recordedRuns = Path.Combine(folder.Path, "recorded");
        string recording = folder.Write("persona.yaml", """
            name: persona
            task: { id: tinylm, size: tiny }
            seed: 21
            trials: 2
            budget: { attempts: 7 }
            arms:
              - { name: p, agent: persona, profile: opus-4.5 }
            """);
        var first = await CliProcess.RunAsync(folder.Path, Guard, "run", recording, "--out", recordedRuns);
        Assert.True(first.ExitCode == 0, first.ToString());
        string recorded = RunWatch.RunFolder(recordedRuns)!;

        // The arm has the recorded arm's name, so each trial replays the trial of the same index.
        string replaying = folder.Write("replay.yaml", $$"""
            name: replayed
            task: { id: tinylm, size: tiny }
            seed: 5
            trials: 2
            budget: { attempts: 7 }
            arms:
              - { name: p, agent: replay, run: "{{recorded}}" }
            """);
        string replayRuns = Path.Combine(folder.Path, "replayed");
        var second = await CliProcess.RunAsync(folder.Path, Guard, "run", replaying, "--out", replayRuns);
        Assert.True(second.ExitCode == 0, second.ToString());

        var before = (await RunStoreReader.LoadAsync(recorded, TestContext.Current.CancellationToken)).Attempts;
        var after = (await RunStoreReader.LoadAsync(RunWatch.RunFolder(replayRuns)!, TestContext.Current.CancellationToken)).Attempts;
        Assert.NotEmpty(before);
        // Attempt by attempt, the same candidates in the same trials; wrong results stay wrong (their checks are
        // deterministic), while timings are measured again and may rank differently.
        Assert.Equal(
            before.Select(a => (a.Trial.Index, a.Record.Index, a.Record.CandidateHash)),
            after.Select(a => (a.Trial.Index, a.Record.Index, a.Record.CandidateHash)));
        Assert.Equal(
            before.Select(a => a.Record.Status == Core.Attempts.AttemptStatus.WrongResult),
            after.Select(a => a.Record.Status == Core.Attempts.AttemptStatus.WrongResult));
    }
}
