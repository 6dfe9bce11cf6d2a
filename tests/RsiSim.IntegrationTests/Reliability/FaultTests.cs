using System.Diagnostics;
using Microsoft.Data.Sqlite;
using RsiSim.Core.Attempts;
using RsiSim.IntegrationTests.Support;
using RsiSim.Storage.Reading;
using RsiSim.Storage.Tests.Support;

namespace RsiSim.IntegrationTests.Reliability;

/// <summary>Faults from outside a real run: a killed worker, a database another process holds, a full disk.</summary>
public sealed class FaultTests
{
    // A worker of size small has used about 25 ticks when it has started and loaded; each run then takes about 90.
    private const long WellIntoItsFirstRun = 60;

    private const string TinyRandom = """
        name: faults
        task: { id: tinylm, size: tiny }
        seed: 8
        trials: 1
        budget: { attempts: 8 }
        arms:
          - { name: random, agent: random }
        """;

    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(5);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_worker_killed_in_the_middle_of_a_measurement_is_recorded_as_crash_and_the_run_goes_on()
    {
        // Given a run that replays three copies of the reference at size small, each measured in full
        using var folder = new TempFolder();
        string archive = await ReplayArchive.WriteReferenceCopiesAsync(Path.Combine(folder.Path, "archive"), "replay", 3);
        string scenario = folder.Write("workers.yaml", $$"""
            name: workers
            task: { id: tinylm, size: small }
            seed: 2
            trials: 1
            budget: { attempts: 3 }
            arms:
              - { name: replay, agent: replay, run: "{{archive}}" }
            """);
        string runs = Path.Combine(folder.Path, "runs");
        using var process = RunningCli.Start(folder.Path, "run", scenario, "--out", runs);

        // When the reference's worker is killed during the first attempt, and the candidate's during the second (the
        // reference's worker is started first, so it has the lower process id; a candidate that runs in a spare, started
        // as an earlier session ended, is the one started with "warm")
        await KillWorkerAsync(process, runs, attemptsBefore: 0, workers => workers[0]);
        await KillWorkerAsync(process, runs, attemptsBefore: 1, workers => workers.Any(w => w.Spare) ? workers.First(w => w.Spare) : workers[1]);
        var result = await process.WaitAsync(Guard);

        // Then both attempts are crashes that say which worker was lost, the third is measured, and the run completes
        Assert.True(result.ExitCode == 0, result.ToString());
        var attempts = (await RunStoreReader.LoadAsync(RunWatch.RunFolder(runs)!, Cancellation)).Attempts.Select(a => a.Record).ToList();
        Assert.Equal(3, attempts.Count);
        Assert.Equal(AttemptStatus.Crash, attempts[0].Status);
        Assert.Contains("reference's worker was lost", attempts[0].Detail, StringComparison.Ordinal);
        Assert.Equal(AttemptStatus.Crash, attempts[1].Status);
        Assert.Contains("killed (SIGKILL) by another process", attempts[1].Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("reference", attempts[1].Detail, StringComparison.Ordinal);
        Assert.True(attempts[2].Status.IsValid(), $"the third attempt was {attempts[2].Status}: {attempts[2].Detail}");
    }

    [Fact]
    public async Task A_database_another_process_holds_stops_the_run_with_a_clear_error_and_resume_completes_it_once_released()
    {
        using var folder = new TempFolder();
        string scenario = folder.Write("locked.yaml", TinyRandom);
        string runs = Path.Combine(folder.Path, "runs");
        string? run = null;
        CliResult stopped, refused;
        using (var process = RunningCli.Start(folder.Path, "run", scenario, "--out", runs))
        {
            await RunWatch.UntilAsync(process, () => RunWatch.Attempts(run ??= RunWatch.RunFolder(runs)) >= 1, "its first attempt was recorded");

            // Given another process (this one) holding a write transaction on run.db, as an open sqlite3 session can
            using var holder = new SqliteConnection($"Data Source={Path.Combine(run!, "run.db")};Pooling=False");
            holder.Open();
            using var hold = holder.BeginTransaction(deferred: false);

            // When the run next records an attempt, and when it is resumed while the database is still held
            stopped = await process.WaitAsync(Guard);
            refused = await CliProcess.RunAsync(folder.Path, Guard, "resume", run!);
            hold.Rollback();
        }

        // Then both stop with exit code 1 and one line saying the database is locked by another process
        foreach (var result in new[] { stopped, refused })
        {
            Assert.True(result.ExitCode == 1, result.ToString());
            string error = Assert.Single(result.Stderr.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
            Assert.Contains("run.db is locked: another process holds it", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        }

        // And once it is released, resume completes the run
        var resumed = await CliProcess.RunAsync(folder.Path, Guard, "resume", run!);
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Equal(8, RunWatch.Attempts(run));
    }

    [Fact]
    public async Task A_full_disk_stops_the_run_saying_so_and_how_to_resume_and_resume_completes_it_once_there_is_room()
    {
        using var folder = new TempFolder();
        using var disk = SmallTmpfs.TryMount(Path.Combine(folder.Path, "disk"), "300k");
        Assert.SkipWhen(disk is null, "needs root and mount(8) to make a small tmpfs; the store's /dev/full test covers the log without them");

        // Given two trials running at once on a disk with room for the run and a few attempts
        string scenario = folder.Write("full.yaml", """
            name: full
            task: { id: tinylm, size: tiny }
            seed: 6
            trials: 1
            parallel: 2
            budget: { attempts: 5 }
            arms:
              - { name: greedy, agent: greedy }
              - { name: random, agent: random }
            """);

        // When the run fills the disk
        var full = await CliProcess.RunAsync(folder.Path, Guard, "run", scenario, "--out", disk!.Path);

        // Then it stops with exit code 1 and one line saying the disk is full and how to resume
        string run = RunWatch.RunFolder(disk.Path)!;
        Assert.True(full.ExitCode == 1, full.ToString());
        string error = Assert.Single(full.Stderr.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains("The disk is full", error, StringComparison.Ordinal);
        Assert.Contains($"rsisim resume {run}", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", full.Stderr, StringComparison.Ordinal);
        var before = await RunStoreReader.LoadAsync(run, Cancellation);
        Assert.InRange(before.Attempts.Count, 1, 9);

        // And once the disk is larger, resume completes the run and keeps every attempt made before
        disk.Resize("64m");
        var resumed = await CliProcess.RunAsync(folder.Path, Guard, "resume", run);
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        var after = await RunStoreReader.LoadAsync(run, Cancellation);
        Assert.All(after.Trials, t => Assert.True(t.Finished && t.Attempts == 5, $"{t.Key}: {t.Attempts} attempts, finished {t.Finished}"));
        foreach (var attempt in before.Attempts)
        {
            var kept = after.Attempts.Single(a => a.Trial == attempt.Trial && a.Record.Index == attempt.Record.Index);
            Assert.Equal((attempt.Record.CandidateHash, attempt.Record.Status, attempt.RandomState), (kept.Record.CandidateHash, kept.Record.Status, kept.RandomState));
        }
    }

    // Waits until the worker that pick chooses is well into its first run of the attempt after attemptsBefore, kills it, and waits for that attempt.
    private static async Task KillWorkerAsync(RunningCli process, string runs, int attemptsBefore, Func<IReadOnlyList<(int Id, long CpuTicks, bool Spare)>, (int Id, long CpuTicks, bool Spare)> pick)
    {
        int victim = 0;
        await RunWatch.UntilAsync(process, () =>
        {
            var workers = WorkerProcesses.Of(process.Id);
            victim = workers.Count == 2 && pick(workers).CpuTicks >= WellIntoItsFirstRun ? pick(workers).Id : 0;
            return victim != 0;
        }, $"a worker was well into attempt {attemptsBefore + 1}");
        string run = RunWatch.RunFolder(runs)!;
        Assert.Equal(attemptsBefore, RunWatch.Attempts(run));
        using (var worker = Process.GetProcessById(victim))
        {
            worker.Kill();
        }
        await RunWatch.UntilAsync(process, () => RunWatch.Attempts(run) > attemptsBefore, $"attempt {attemptsBefore + 1} was recorded");
    }
}
