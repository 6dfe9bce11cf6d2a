using RsiSim.IntegrationTests.Support;
using RsiSim.Storage.Reading;

namespace RsiSim.IntegrationTests.Reliability;

/// <summary>Ctrl-C (SIGINT) stops a run after its current attempt, leaving it resumable.</summary>
public sealed class InterruptTests
{
    private const string Scenario = """
        name: interrupted
        task: { id: tinylm, size: tiny }
        seed: 9
        trials: 2
        budget: { attempts: 10 }
        arms:
          - { name: random, agent: random }
        """;

    // Ten attempts a trial: with three, a loaded machine (the whole suite at load 13) once finished all six attempts
    // while kill(1) was starting, and the run ended normally before the signal came.
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Ctrl_C_stops_a_run_after_the_current_attempt_says_how_to_resume_and_resume_completes_it()
    {
        using var folder = new TempFolder();
        string scenario = folder.Write("interrupted.yaml", Scenario);
        string runs = Path.Combine(folder.Path, "runs");

        // Given a run that has recorded its first attempt
        string? run = null;
        long recorded;
        CliResult stopped;
        using (var process = RunningCli.Start(folder.Path, "run", scenario, "--out", runs))
        {
            await RunWatch.UntilAsync(process, () => RunWatch.Attempts(run ??= RunWatch.RunFolder(runs)) >= 1, "its first attempt was recorded");

            // When it gets Ctrl-C (counted once the signal is delivered: an attempt may commit while kill(1) starts)
            process.Interrupt();
            recorded = RunWatch.Attempts(run);
            stopped = await process.WaitAsync(Guard);
        }

        // Then it stops with exit code 1, at most one attempt later, and says how to go on
        Assert.True(stopped.ExitCode == 1, stopped.ToString());
        Assert.Contains("Stopped.", stopped.Stderr, StringComparison.Ordinal);
        Assert.Contains($"rsisim resume {run}", stopped.Stderr, StringComparison.Ordinal);
        long afterStop = RunWatch.Attempts(run);
        Assert.InRange(afterStop, recorded, recorded + 1);
        Assert.Contains((await RunStoreReader.LoadAsync(run!, TestContext.Current.CancellationToken)).Trials, t => !t.Finished);

        // And resume completes it with every attempt of the budget, once each
        var resumed = await CliProcess.RunAsync(folder.Path, Guard, "resume", run!);
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        var done = await RunStoreReader.LoadAsync(run!, TestContext.Current.CancellationToken);
        Assert.All(done.Trials, t => Assert.True(t.Finished && t.Attempts == 10, $"{t.Key}: {t.Attempts} attempts, finished {t.Finished}"));
        Assert.Equal(20, done.Attempts.Count);
    }
}
