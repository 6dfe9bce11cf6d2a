using System.Diagnostics;
using RsiSim.Evaluation.Running;
using RsiSim.Evaluation.Sandbox;
using RsiSim.Tasks.TinyLm;

namespace RsiSim.Evaluation.Tests.Sandbox;

/// <summary>The reference's worker kept from one session to the next (<see cref="SandboxOptions.KeepReferenceWorker"/>),
/// with real worker processes.</summary>
public sealed class KeptReferenceWorkerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static SessionRequest Request(string size = "tiny") =>
        new(TinyLmTask.Instance, size, Programs.Image(Programs.Reference), Programs.Image(Programs.Reference + "\n// the candidate\n"));

    private static async Task<WorkerSession> OpenAsync(WorkerCandidateRunner runner, SessionRequest request)
    {
        var opening = await runner.OpenAsync(request, Cancellation);
        Assert.True(opening.Session is not null, opening.Detail);
        return (WorkerSession)opening.Session;
    }

    [Fact]
    public async Task The_next_session_of_the_same_reference_runs_it_in_the_same_worker_and_every_candidate_in_a_fresh_one()
    {
        var runner = new WorkerCandidateRunner();
        var first = await OpenAsync(runner, Request());
        var firstRun = await first.RunAsync(RunSide.Baseline, 3, Timeout, Cancellation);
        var (baseline, candidate) = first.ProcessIds;
        await first.DisposeAsync();

        var second = await OpenAsync(runner, Request());
        var secondRun = await second.RunAsync(RunSide.Baseline, 3, Timeout, Cancellation);
        var candidateRun = await second.RunAsync(RunSide.Candidate, 3, Timeout, Cancellation);

        Assert.Equal(baseline, second.ProcessIds.Baseline);
        Assert.NotEqual(candidate, second.ProcessIds.Candidate);
        Assert.False(IsRunning(candidate));
        Assert.True(secondRun.Succeeded, secondRun.Detail);
        Assert.Equal(firstRun.Output!.StepLosses, secondRun.Output!.StepLosses);
        Assert.Equal(secondRun.Output.StepLosses, candidateRun.Output!.StepLosses);
        Assert.Equal(1, runner.ReferenceWorkersReused);

        // Another size is another reference run: a fresh worker, the kept one stopped
        await second.DisposeAsync();
        var other = await OpenAsync(runner, Request("small"));
        int otherBaseline = other.ProcessIds.Baseline;
        Assert.NotEqual(baseline, otherBaseline);
        Assert.False(IsRunning(baseline));
        await other.DisposeAsync();

        // Disposing the runner stops the worker it kept
        Assert.True(IsRunning(otherBaseline));
        await runner.DisposeAsync();
        Assert.False(IsRunning(otherBaseline));
    }

    [Fact]
    public async Task A_reference_worker_that_was_lost_in_its_session_or_killed_while_kept_is_replaced()
    {
        await using var runner = new WorkerCandidateRunner();

        // Lost during a session: its run fails, and the worker is not kept
        var first = await OpenAsync(runner, Request());
        int lostId = first.ProcessIds.Baseline;
        Process.GetProcessById(lostId).Kill();
        var lost = await first.RunAsync(RunSide.Baseline, 3, Timeout, Cancellation);
        await first.DisposeAsync();
        var second = await OpenAsync(runner, Request());
        var run = await second.RunAsync(RunSide.Baseline, 3, Timeout, Cancellation);
        int kept = second.ProcessIds.Baseline;
        await second.DisposeAsync();

        // Killed from outside while kept: the next session starts another rather than losing its reference
        Process.GetProcessById(kept).Kill();
        await Task.Delay(200, Cancellation);
        var third = await OpenAsync(runner, Request());
        var afterKill = await third.RunAsync(RunSide.Baseline, 3, Timeout, Cancellation);
        int replacement = third.ProcessIds.Baseline;
        await third.DisposeAsync();

        Assert.True(lost.WorkerLost);
        Assert.NotEqual(lostId, kept);
        Assert.True(run.Succeeded, run.Detail);
        Assert.NotEqual(kept, replacement);
        Assert.True(afterKill.Succeeded, afterKill.Detail);
        Assert.Equal(0, runner.ReferenceWorkersReused);
    }

    [Fact]
    public async Task Without_keeping_every_session_starts_both_workers_and_stops_both()
    {
        await using var runner = new WorkerCandidateRunner(new SandboxOptions { KeepReferenceWorker = false });
        var first = await OpenAsync(runner, Request());
        int firstBaseline = first.ProcessIds.Baseline;
        await first.DisposeAsync();
        var second = await OpenAsync(runner, Request());
        int secondBaseline = second.ProcessIds.Baseline;
        await second.DisposeAsync();

        Assert.NotEqual(firstBaseline, secondBaseline);
        Assert.False(IsRunning(firstBaseline));
        Assert.Equal(0, runner.ReferenceWorkersReused);
    }

    [Fact]
    public async Task A_session_disposed_twice_hands_its_reference_worker_back_once()
    {
        await using var runner = new WorkerCandidateRunner();
        var first = await OpenAsync(runner, Request());
        int baseline = first.ProcessIds.Baseline;
        await first.DisposeAsync();
        await first.DisposeAsync();

        var second = await OpenAsync(runner, Request());
        var run = await second.RunAsync(RunSide.Baseline, 3, Timeout, Cancellation);
        int reused = second.ProcessIds.Baseline;
        await second.DisposeAsync();

        Assert.True(run.Succeeded, run.Detail);
        Assert.Equal(baseline, reused);
        Assert.Equal(1, runner.ReferenceWorkersReused);
    }

    [Fact]
    public async Task A_session_that_ends_after_its_runner_was_disposed_stops_its_reference_worker()
    {
        var runner = new WorkerCandidateRunner();
        var session = await OpenAsync(runner, Request());
        int baseline = session.ProcessIds.Baseline;

        await runner.DisposeAsync();
        await session.DisposeAsync();

        Assert.False(IsRunning(baseline));
        Assert.DoesNotContain(baseline, WorkerCandidateRunner.KeptProcessIds);
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
