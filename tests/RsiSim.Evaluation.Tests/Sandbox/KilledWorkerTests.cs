using System.Diagnostics;
using RsiSim.Core.Evaluations;
using RsiSim.Evaluation.Running;
using RsiSim.Evaluation.Sandbox;
using RsiSim.Evaluation.Timing;
using RsiSim.Tasks.TinyLm;

namespace RsiSim.Evaluation.Tests.Sandbox;

/// <summary>Workers killed from outside (a person, a supervisor) with SIGKILL: each is a crash of that evaluation, never of the host.</summary>
public sealed class KilledWorkerTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _folder = Directory.CreateTempSubdirectory("rsisim-killed-worker-").FullName;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_candidate_worker_killed_in_the_middle_of_a_run_is_a_crash_and_the_reference_runs_on()
    {
        // Given a candidate that says when its run has begun, then takes a long time
        string started = Path.Combine(_folder, "started");
        string slow = Programs.ReferenceInitializingWith($"        System.IO.File.WriteAllText(@\"{started}\", \"\"); System.Threading.Thread.Sleep(50_000);");
        await using var session = await OpenAsync(slow);
        var (_, candidateWorker) = Workers();

        // When its worker is killed while the run is under way
        var running = session.RunAsync(RunSide.Candidate, 1, Timeout, Cancellation).AsTask();
        await Until(() => File.Exists(started), running);
        Process.GetProcessById(candidateWorker).Kill();
        var run = await running;

        // Then the run is a crash that says so, and the reference's worker still answers
        Assert.Equal(EvaluationStatus.Crash, run.Failure);
        Assert.Contains("SIGKILL", run.Detail, StringComparison.Ordinal);
        Assert.True(run.WorkerLost);
        var baseline = await session.RunAsync(RunSide.Baseline, 1, Timeout, Cancellation);
        Assert.True(baseline.Succeeded, baseline.Detail);
    }

    [Fact]
    public async Task A_killed_reference_worker_ends_the_measurement_as_a_crash_instead_of_stopping_the_host()
    {
        // Given an open session whose reference worker is killed
        await using var session = await OpenAsync(Programs.Reference);
        var (referenceWorker, _) = Workers();
        using (var reference = Process.GetProcessById(referenceWorker))
        {
            reference.Kill();
            await reference.WaitForExitAsync(Cancellation);
        }

        // When the timing protocol measures the candidate
        var result = await new TimingProtocol(new TimingOptions()).MeasureAsync(session, (_, _, _) => [], 5, Cancellation);

        // Then the evaluation is a crash that names the reference's worker
        Assert.Equal(EvaluationStatus.Crash, result.Status);
        Assert.Contains("reference's worker was lost", result.Summary, StringComparison.Ordinal);
    }

    private static async Task<IRunSession> OpenAsync(string candidateSource)
    {
        var request = new SessionRequest(TinyLmTask.Instance, TinyLmSize.Tiny.Name, Programs.Image(Programs.Reference), Programs.Image(candidateSource));
        await using var runner = new WorkerCandidateRunner();
        var opening = await runner.OpenAsync(request, Cancellation);
        Assert.True(opening.Session is not null, opening.Detail);
        return opening.Session;
    }

    // The runner starts the reference's worker first, so it has the lower process id.
    private static (int Reference, int Candidate) Workers()
    {
        var workers = ChildProcesses.OfThisProcess().Order().ToList();
        Assert.Equal(2, workers.Count);
        return (workers[0], workers[1]);
    }

    // Polls for a condition the worker makes true, failing if the run ends first.
    private static async Task Until(Func<bool> condition, Task running)
    {
        while (!condition())
        {
            Assert.False(running.IsCompleted, "the run ended before the condition held");
            await Task.Delay(20, Cancellation);
        }
    }
}
