using RsiSim.Core.Attempts;
using RsiSim.Core.Runs;
using RsiSim.Core.Trials;
using RsiSim.IntegrationTests.Support;
using RsiSim.Storage.Events;
using RsiSim.Storage.Reading;

namespace RsiSim.IntegrationTests.Reliability;

/// <summary>A run killed with SIGKILL at several points, then resumed until done, against the same run left alone.</summary>
public sealed class KillAndResumeTests
{
    // The file says seed 1 and one trial; both runs override them, so a resume that read the file as written would differ.
    private const string Scenario = """
        name: killed
        task: { id: tinylm, size: tiny }
        seed: 1
        trials: 1
        budget: { attempts: 4 }
        arms:
          - { name: greedy, agent: greedy }
          - { name: random, agent: random }
        """;

    private static readonly string[] Overrides = ["--seed", "5", "--trials", "2"];
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(5);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_run_killed_at_several_points_and_resumed_makes_the_same_attempts_as_a_run_left_alone()
    {
        using var folder = new TempFolder();
        string scenario = folder.Write("killed.yaml", Scenario);
        string killedRoot = Path.Combine(folder.Path, "killed");
        var alone = CliProcess.RunAsync(folder.Path, Guard, ["run", scenario, "--out", "alone", .. Overrides]);

        // Given a run killed before its first attempt, after it, in the middle of a trial and near the end,
        // each time resumed by a new process
        var killPoints = new (string What, Func<string?, bool> Reached)[]
        {
            ("its first trial started", run => RunWatch.Trials(run) >= 1),
            ("its first attempt was recorded", run => RunWatch.Attempts(run) >= 1),
            ("the middle of the second trial", run => RunWatch.Attempts(run) >= 6),
            // Two before the end, not one: the poll must see it before the run ends, also on a loaded machine.
            ("two attempts before the end", run => RunWatch.Attempts(run) >= 14),
        };
        string? run = null;
        var stderr = new List<string>();
        for (int i = 0; i < killPoints.Length; i++)
        {
            using var process = i == 0
                ? RunningCli.Start(folder.Path, ["run", scenario, "--out", killedRoot, .. Overrides])
                : RunningCli.Start(folder.Path, "resume", run!);
            await RunWatch.UntilAsync(process, () => killPoints[i].Reached(run ??= RunWatch.RunFolder(killedRoot)), killPoints[i].What);
            process.Kill();
            stderr.Add((await process.WaitAsync(Guard)).Stderr);
        }

        // When it is resumed until it completes
        var completed = await CliProcess.RunAsync(folder.Path, Guard, "resume", run!);
        var again = await CliProcess.RunAsync(folder.Path, Guard, "resume", run!);

        // Then it finished and says it resumed, every resume is recorded, and events.jsonl mirrors the database
        Assert.True(completed.ExitCode == 0, completed.ToString());
        Assert.All(stderr.Skip(1).Append(completed.Stderr), e => Assert.Contains($"Resuming {run}", e, StringComparison.Ordinal));
        var resumed = await RunStoreReader.LoadAsync(run!, Cancellation);
        Assert.Equal(killPoints.Length, resumed.Resumes.Count);
        Assert.All(resumed.Trials, t => Assert.True(t.Finished, $"{t.Key} did not finish"));
        Assert.True((await EventLogRepair.CheckAsync(run!, Cancellation)).Intact);

        // And it has the same trials, with their seeds as overridden, and the same attempts per trial, none twice
        var aloneResult = await alone;
        Assert.True(aloneResult.ExitCode == 0, aloneResult.ToString());
        var reference = await RunStoreReader.LoadAsync(RunWatch.RunFolder(Path.Combine(folder.Path, "alone"))!, Cancellation);
        Assert.Equal(reference.Trials.Select(t => (t.Key, t.Seed)), resumed.Trials.Select(t => (t.Key, t.Seed)));
        Assert.Equal(ExperimentRunner.TrialSeed(5, 1), resumed.Trials.Single(t => t.Key == new TrialKey("greedy", 1)).Seed);
        foreach (var trial in reference.Trials.Select(t => t.Key))
        {
            var expected = reference.AttemptsOf(trial).ToList();
            var actual = resumed.AttemptsOf(trial).ToList();
            Assert.Equal(expected.Select(a => a.Record.Index), actual.Select(a => a.Record.Index));
            Assert.Equal(Enumerable.Range(1, 4), actual.Select(a => a.Record.Index));

            // And each trial's random stream went on where it was: the same state after every attempt
            Assert.Equal(expected.Select(a => a.RandomState), actual.Select(a => a.RandomState));

            // And the agents proposed the same candidates for as long as the two runs' bests agree; timing noise
            // may make one run keep a candidate the other did not, and greedy and random build on the best
            foreach (int index in SameBestBefore(expected, actual))
            {
                Assert.Equal(expected[index - 1].Record.CandidateHash, actual[index - 1].Record.CandidateHash);
            }
        }
        // And resuming the finished run again does nothing and says so
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("Nothing to resume", again.Stderr, StringComparison.Ordinal);
        Assert.Equal(resumed.Resumes.Count, (await RunStoreReader.LoadAsync(run!, Cancellation)).Resumes.Count);

        var events = File.ReadAllLines(Path.Combine(run!, "events.jsonl")).Where(l => l.Contains("\"attempt-completed\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(resumed.Attempts.Count, events.Count);
        Assert.Equal(events.Count, events.Distinct(StringComparer.Ordinal).Count());
    }

    // The attempt indexes whose trial had the same best candidate, in both runs, when the agent proposed them.
    private static IEnumerable<int> SameBestBefore(List<StoredAttempt> expected, List<StoredAttempt> actual)
    {
        string? bestExpected = null, bestActual = null;
        for (int i = 0; i < Math.Min(expected.Count, actual.Count) && bestExpected == bestActual; i++)
        {
            yield return i + 1;
            bestExpected = expected[i].Record.Status == AttemptStatus.Improved ? expected[i].Record.CandidateHash : bestExpected;
            bestActual = actual[i].Record.Status == AttemptStatus.Improved ? actual[i].Record.CandidateHash : bestActual;
        }
    }
}
