using RsiSim.Core.Evaluations;
using RsiSim.Evaluation.Running;
using RsiSim.Evaluation.Sandbox;
using RsiSim.Tasks.TinyLm;

namespace RsiSim.Evaluation.Tests.Sandbox;

/// <summary>A session that opens while its candidate's worker still starts (<see cref="SandboxOptions.FirstRunBesideStart"/>),
/// with real worker processes: the kept reference runs first, the candidate's runs wait for its worker's load.</summary>
public sealed class FirstRunBesideStartTests : IDisposable
{
    private readonly List<string> _folders = [];

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static SessionRequest Request(string candidate) =>
        new(TinyLmTask.Instance, TinyLmSize.Tiny.Name, Programs.Image(Programs.Reference), Programs.Image(candidate));

    // A runner whose reference's worker is kept from a first session, and what it starts ahead for the second. Its workers
    // start two seconds late (a dotnet behind a script that sleeps first), so that the test sees the second session open and
    // its reference run while the candidate's worker is still starting.
    private async Task<(WorkerCandidateRunner Runner, IStartingAhead Started)> KeptAndStartingAsync(SandboxOptions? options = null)
    {
        var runner = new WorkerCandidateRunner((options ?? new SandboxOptions()) with { DotnetPath = ScriptedDotnet("slow", _ => "sleep 2").Script });
        await (await runner.OpenAsync(Request(Programs.Reference), Cancellation)).Session!.DisposeAsync();
        return (runner, (IStartingAhead)(await runner.StartAheadAsync(Cancellation))!);
    }

    // A dotnet behind a shell script whose lines, given the script's own folder, run first; the folder goes with the test.
    private (string Script, string Folder) ScriptedDotnet(string name, Func<string, string> before)
    {
        string dotnet = Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", "dotnet"));
        string folder = Directory.CreateTempSubdirectory($"rsisim-{name}-dotnet-").FullName;
        _folders.Add(folder);
        string script = Path.Combine(folder, "dotnet");
        File.WriteAllText(script, $"#!/bin/sh\n{before(folder)}\nexec '{dotnet}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return (script, folder);
    }

    [Fact]
    public async Task The_reference_runs_while_the_candidate_s_worker_starts_and_the_candidate_runs_once_it_has_loaded()
    {
        var (runner, started) = await KeptAndStartingAsync();
        await using var _ = runner;
        Assert.False(started.Ready.IsCompleted); // a worker's start takes tens of milliseconds at least

        var session = (WorkerSession)(await runner.OpenAsync(Request(Programs.Reference + "\n// the candidate\n") with { Started = started }, Cancellation)).Session!;
        await using var __ = session;
        Assert.Equal(0, session.ProcessIds.Candidate); // opened before the candidate's worker was there
        session.Expect(RunSide.Candidate, 3);
        var reference = await session.RunAsync(RunSide.Baseline, 3, Timeout, Cancellation);
        bool ranBesideStart = !started.Ready.IsCompleted;
        var candidate = await session.RunAsync(RunSide.Candidate, 3, Timeout, Cancellation);

        Assert.True(reference.Succeeded, reference.Detail);
        Assert.True(ranBesideStart, "the reference's run waited for the candidate's worker");
        Assert.True(candidate.Succeeded, candidate.Detail);
        Assert.Equal(reference.Output!.StepLosses, candidate.Output!.StepLosses);
        Assert.NotEqual(0, session.ProcessIds.Candidate);
        Assert.Equal(1, runner.ReferenceWorkersReused);
        Assert.Equal(1, session.PreparedAhead); // the candidate's run was prepared as soon as its worker had loaded
    }

    [Fact]
    public async Task A_candidate_that_does_not_load_ends_its_first_run_as_its_load_s_failure_and_the_reference_is_kept()
    {
        var (runner, started) = await KeptAndStartingAsync();
        await using var _ = runner;
        var session = (WorkerSession)(await runner.OpenAsync(Request("public sealed class NotAModel { }") with { Started = started }, Cancellation)).Session!;
        session.Expect(RunSide.Candidate, 3);
        var reference = await session.RunAsync(RunSide.Baseline, 3, Timeout, Cancellation);
        var candidate = await session.RunAsync(RunSide.Candidate, 3, Timeout, Cancellation);
        int candidateWorker = session.ProcessIds.Candidate;
        await session.DisposeAsync();

        Assert.True(reference.Succeeded, reference.Detail);
        Assert.Equal(EvaluationStatus.CompileError, candidate.Failure);
        Assert.Contains("no class implements", candidate.Detail, StringComparison.Ordinal);
        Assert.NotEqual(0, candidateWorker);
        Assert.False(ChildProcesses.IsAlive(candidateWorker), "the worker of a candidate that did not load still runs");
        Assert.Null(runner.SpareProcessId); // stopped, not retired: no spare for the next candidate

        // The reference's worker, in step, serves the next session.
        var next = (WorkerSession)(await runner.OpenAsync(Request(Programs.Reference), Cancellation)).Session!;
        await next.DisposeAsync();
        Assert.Equal(2, runner.ReferenceWorkersReused);
    }

    [Fact]
    public async Task The_candidate_s_worker_starts_only_once_the_compile_is_done_and_not_at_all_if_the_evaluation_ends_before()
    {
        var (runner, started) = await KeptAndStartingAsync();
        await using var _ = runner;
        var before = ChildProcesses.OfThisProcess();

        await Task.Delay(300, Cancellation); // as a compile would take
        var meanwhile = ChildProcesses.OfThisProcess();
        await started.DisposeAsync(); // the candidate did not compile

        Assert.Equal(before, meanwhile);
        Assert.True(started.Ready.IsCompleted);
        Assert.Equal(before, ChildProcesses.OfThisProcess());

        var next = (IStartingAhead)(await runner.StartAheadAsync(Cancellation))!;
        await using var __ = next;
        next.Begin();
        await next.Ready.WaitAsync(TimeSpan.FromSeconds(60), Cancellation);
        Assert.Equal(before.Count + 1, ChildProcesses.OfThisProcess().Count);
    }

    // A dotnet that notes every launch in a file (one line each) and, while a marker file exists, fails at once.
    private (string Dotnet, string Launches, string FailMarker) CountingDotnet()
    {
        var (script, folder) = ScriptedDotnet("counting", folder =>
            $"echo launch >> '{Path.Combine(folder, "launches")}'\nif [ -e '{Path.Combine(folder, "fail")}' ]; then exit 3; fi");
        return (script, Path.Combine(folder, "launches"), Path.Combine(folder, "fail"));
    }

    private static int Count(string launches) => File.Exists(launches) ? File.ReadAllLines(launches).Length : 0;

    [Fact]
    public async Task A_candidate_s_worker_that_fails_to_start_fails_the_opening_and_leaves_the_kept_reference_s_worker_kept()
    {
        var (dotnet, _, marker) = CountingDotnet();
        await using var runner = new WorkerCandidateRunner(new SandboxOptions { DotnetPath = dotnet });
        var first = (WorkerSession)(await runner.OpenAsync(Request(Programs.Reference), Cancellation)).Session!;
        int reference = first.ProcessIds.Baseline;
        await first.DisposeAsync();

        File.WriteAllText(marker, "");
        var started = (IStartingAhead)(await runner.StartAheadAsync(Cancellation))!;
        started.Begin();
        await started.Ready.WaitAsync(TimeSpan.FromSeconds(60), Cancellation);
        await Assert.ThrowsAnyAsync<Exception>(async () => await runner.OpenAsync(Request(Programs.Reference) with { Started = started }, Cancellation));
        File.Delete(marker);

        var next = (WorkerSession)(await runner.OpenAsync(Request(Programs.Reference), Cancellation)).Session!;
        await using var _ = next;
        Assert.Equal(reference, next.ProcessIds.Baseline);
        Assert.Equal(1, runner.ReferenceWorkersReused);
    }

    [Fact]
    public async Task A_runner_disposed_while_its_spare_waits_out_its_delay_starts_no_spare()
    {
        var (dotnet, launches, _) = CountingDotnet();
        var runner = new WorkerCandidateRunner(new SandboxOptions { DotnetPath = dotnet });
        await (await runner.OpenAsync(Request(Programs.Reference), Cancellation)).Session!.DisposeAsync(); // two workers
        await (await runner.OpenAsync(Request(Programs.Reference), Cancellation)).Session!.DisposeAsync(); // one, the reference's kept; a spare is asked for

        await runner.DisposeAsync(); // well inside the spare's delay
        await Task.Delay(WorkerTurnover.SpareDelay * 4, Cancellation);

        Assert.Equal(3, Count(launches));
    }

    [Fact]
    public async Task Without_it_the_start_ahead_returns_once_the_candidate_s_worker_is_ready()
    {
        var (runner, started) = await KeptAndStartingAsync(new SandboxOptions { FirstRunBesideStart = false });
        await using var _ = runner;
        await using var __ = started;

        Assert.True(started.Ready.IsCompleted);
    }

    public void Dispose()
    {
        foreach (string folder in _folders)
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
