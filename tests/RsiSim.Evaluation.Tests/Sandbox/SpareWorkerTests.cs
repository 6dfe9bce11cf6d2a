using RsiSim.Evaluation.Running;
using RsiSim.Evaluation.Sandbox;
using RsiSim.Tasks.TinyLm;

namespace RsiSim.Evaluation.Tests.Sandbox;

/// <summary>What a session's end leaves to the background: the spare worker it starts for the next candidate (fresh, used
/// once, never left behind) and the stop of its own candidate's worker, both over before the next session opens.</summary>
public sealed class SpareWorkerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static SessionRequest Request() =>
        new(TinyLmTask.Instance, TinyLmSize.Tiny.Name, Programs.Image(Programs.Reference), Programs.Image(Programs.Reference));

    [Fact]
    public async Task The_next_candidate_runs_in_the_spare_started_as_the_session_before_ended()
    {
        await using var runner = new WorkerCandidateRunner();
        await (await runner.OpenAsync(Request(), Cancellation)).Session!.DisposeAsync();
        Assert.Null(runner.SpareProcessId); // none after the first session: one evaluation alone would not use it
        var first = (await runner.OpenAsync(Request(), Cancellation)).Session!;
        int firstCandidate = ((WorkerSession)first).ProcessIds.Candidate;
        Assert.True((await first.RunAsync(RunSide.Candidate, 1, Timeout, Cancellation)).Succeeded);
        await first.DisposeAsync();
        int spare = await SpareOf(runner);

        var second = (await runner.OpenAsync(Request(), Cancellation)).Session!;
        await using var _ = second;
        var run = await second.RunAsync(RunSide.Candidate, 2, Timeout, Cancellation);

        int secondCandidate = ((WorkerSession)second).ProcessIds.Candidate;
        Assert.True(run.Succeeded, run.Detail);
        Assert.Equal(1, runner.SpareWorkersUsed);
        Assert.Equal(spare, secondCandidate);
        Assert.NotEqual(firstCandidate, secondCandidate);
        Assert.DoesNotContain(secondCandidate, WorkerCandidateRunner.SpareProcessIds);
        Assert.False(Alive(firstCandidate), "the first candidate's worker still runs");
    }

    [Fact]
    public async Task The_worker_an_ended_session_stops_has_exited_before_the_next_session_opens()
    {
        await using var runner = new WorkerCandidateRunner(new SandboxOptions { SpareWorker = false });
        var first = (await runner.OpenAsync(Request(), Cancellation)).Session!;
        int firstCandidate = ((WorkerSession)first).ProcessIds.Candidate;
        await first.DisposeAsync();

        await using var second = (await runner.OpenAsync(Request(), Cancellation)).Session!;

        Assert.False(Alive(firstCandidate), "the first candidate's worker still runs as the second session opens");
    }

    [Fact]
    public async Task Disposing_the_runner_stops_its_spare()
    {
        var runner = new WorkerCandidateRunner();
        await (await runner.OpenAsync(Request(), Cancellation)).Session!.DisposeAsync();
        await (await runner.OpenAsync(Request(), Cancellation)).Session!.DisposeAsync();
        int spare = await SpareOf(runner);

        await runner.DisposeAsync();

        Assert.False(Alive(spare), $"spare {spare} still runs");
        Assert.DoesNotContain(spare, WorkerCandidateRunner.SpareProcessIds);
        Assert.Null(runner.SpareProcessId);
    }

    [Fact]
    public async Task Without_spares_a_session_s_end_starts_no_worker()
    {
        await using var runner = new WorkerCandidateRunner(new SandboxOptions { SpareWorker = false });
        await (await runner.OpenAsync(Request(), Cancellation)).Session!.DisposeAsync();
        await (await runner.OpenAsync(Request(), Cancellation)).Session!.DisposeAsync();

        Assert.Equal(0, runner.SpareWorkersUsed);
        Assert.Empty(ChildProcesses.OfThisProcess());
    }

    [Fact]
    public async Task A_worker_whose_start_is_cancelled_is_stopped_and_its_folder_removed()
    {
        using var cancelled = new CancellationTokenSource();
        string[] before = WorkerFolders();
        var starting = WorkerProcess.StartAsync(new SandboxOptions(), cancelled.Token).AsTask();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => starting);

        Assert.Empty(WorkerFolders().Except(before));
        Assert.Empty(ChildProcesses.OfThisProcess());
    }

    // The spare a session's end started, once it has said hello.
    private static async Task<int> SpareOf(WorkerCandidateRunner runner)
    {
        for (int i = 0; i < 400 && runner.SpareProcessId is null; i++)
        {
            await Task.Delay(50, Cancellation);
        }
        int spare = runner.SpareProcessId ?? throw new Xunit.Sdk.XunitException("no spare started within 20 s");
        Assert.Contains(spare, WorkerCandidateRunner.SpareProcessIds);
        Assert.True(Alive(spare));
        return spare;
    }

    private static string[] WorkerFolders() => Directory.GetDirectories(Path.GetTempPath(), $"rsisim-worker-{Environment.ProcessId}-*");

    private static bool Alive(int pid) => ChildProcesses.IsAlive(pid);
}
