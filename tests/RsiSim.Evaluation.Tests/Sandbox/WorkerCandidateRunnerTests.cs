using RsiSim.Core.Evaluations;
using RsiSim.Evaluation.Running;
using RsiSim.Evaluation.Sandbox;
using RsiSim.Tasks.Harness;
using RsiSim.Tasks.TinyLm;
using RsiSim.Worker.Protocol;

namespace RsiSim.Evaluation.Tests.Sandbox;

/// <summary>The worker runner with real child processes, on programs the policy would refuse: what the sandbox itself guarantees.</summary>
public sealed class WorkerCandidateRunnerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static async Task<IRunSession> OpenAsync(string candidateSource, SandboxOptions? options = null)
    {
        // One session a runner here, never disposed: nothing to keep the reference's worker for (KeptReferenceWorkerTests has
        // that), nor a spare to start (SpareWorkerTests).
        var runner = new WorkerCandidateRunner((options ?? new SandboxOptions()) with { KeepReferenceWorker = false, SpareWorker = false });
        var request = new SessionRequest(TinyLmTask.Instance, TinyLmSize.Tiny.Name, Programs.Image(Programs.Reference), Programs.Image(candidateSource));
        var opening = await runner.OpenAsync(request, Cancellation);
        Assert.True(opening.Session is not null, opening.Detail);
        return opening.Session;
    }

    // Whether the host draws the run's input and hands it over in a file (the default) or the worker draws it from the seed.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_run_in_the_worker_returns_exactly_what_the_same_run_returns_in_process(bool hostDraws)
    {
        var request = new SessionRequest(TinyLmTask.Instance, TinyLmSize.Tiny.Name, Programs.Image(Programs.Reference), Programs.Image(Programs.Reference));
        var inProcess = (await new InProcessCandidateRunner().OpenAsync(request, Cancellation)).Session!;
        await using var worker = await OpenAsync(Programs.Reference, new SandboxOptions { DrawInputsInHost = hostDraws });

        var expected = await inProcess.RunAsync(RunSide.Candidate, 7, Timeout, Cancellation);
        var actual = await worker.RunAsync(RunSide.Candidate, 7, Timeout, Cancellation);
        await inProcess.DisposeAsync();

        Assert.True(actual.Succeeded, actual.Detail);
        Assert.Equal(expected.Output!.StepLosses, actual.Output!.StepLosses);
        foreach (var (name, tensor) in expected.Output.Tensors)
        {
            Assert.Equal(tensor, actual.Output.Tensors[name]);
        }
        Assert.True(actual.Seconds > 0);
    }

    [Fact]
    public async Task A_worker_is_handed_the_input_of_the_run_it_prepares_and_of_no_other()
    {
        await using var session = await OpenAsync(Programs.Reference);
        var worker = (WorkerSession)session;

        var run = await session.RunAsync(RunSide.Candidate, 7, Timeout, Cancellation);

        Assert.True(run.Succeeded, run.Detail);
        string folder = new FileInfo($"/proc/{worker.ProcessIds.Candidate}/cwd").LinkTarget!;
        var handed = InputFile.Read(Path.Combine(folder, InputFile.Name));
        var drawn = TinyLmTask.Instance.Harness.DrawInput(TinyLmSize.Tiny.Name, 7)!;
        Assert.Equal(drawn.Doubles, handed.Doubles);
        Assert.Equal(drawn.Integers, handed.Integers);
        Assert.Equal([InputFile.Name, LoadMessage.ProgramFile, ResultFile.Name], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_check_that_throws_while_its_run_settles_is_rethrown_and_leaves_the_workers_in_step()
    {
        await using var session = await OpenAsync(Programs.Reference);
        RunOutput? handed = null;

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await session.RunAsync(RunSide.Candidate, 3, Timeout, output => throw new InvalidOperationException($"{handed = output}"), Cancellation));
        var next = await session.RunAsync(RunSide.Candidate, 4, Timeout, Cancellation);

        Assert.NotNull(handed);
        Assert.True(next.Succeeded, next.Detail);
    }

    [Fact]
    public async Task An_output_too_large_for_a_result_is_refused_as_a_crash_that_says_why()
    {
        // A program that exports one huge array as every tensor: 4 x 5 million doubles and 6 losses, past the 16 Mi a result may hold
        string huge = Programs.Reference.Replace(
            "    public TinyLmWeights ExportWeights() =>",
            "    private static readonly double[] s_huge = new double[5_000_000];\n    public TinyLmWeights ExportWeights() => new(s_huge, s_huge, s_huge, s_huge);\n    private TinyLmWeights Unused() =>",
            StringComparison.Ordinal);
        var worker = await OpenAsync(huge);

        var run = await worker.RunAsync(RunSide.Candidate, 5, Timeout, Cancellation);
        await worker.DisposeAsync();

        Assert.Equal(EvaluationStatus.Crash, run.Failure);
        Assert.Contains("20,000,006 doubles, more than a result may hold", run.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_worker_sees_only_the_allowed_environment_and_its_own_folder_which_is_removed_afterwards()
    {
        // Given a secret in the host's environment
        Environment.SetEnvironmentVariable("OPENAI_API_KEY", "sk-test-secret");
        string printer = Programs.ReferenceInitializingWith("""
                    foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables()) { Console.WriteLine($"{e.Key}={e.Value}"); }
                    Console.WriteLine("cwd=" + System.IO.Directory.GetCurrentDirectory());
            """);

        // When a program in the worker prints its environment and working folder
        string printed;
        await using (var session = await OpenAsync(printer))
        {
            var run = await session.RunAsync(RunSide.Candidate, 1, Timeout, Cancellation);
            Assert.True(run.Succeeded, run.Detail);
            printed = run.CapturedOutput;
        }

        // Then the secret is not there, only the allow-list is, and the folder is gone
        var variables = printed.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");
        Assert.DoesNotContain("sk-test-secret", printed, StringComparison.Ordinal);
        string folder = variables["cwd"];
        Assert.Subset(new HashSet<string> { "PATH", "LANG", "DOTNET_ROOT", "HOME", "TMPDIR", "DOTNET_GCHeapHardLimit", "DOTNET_TieredCompilation", "DOTNET_EnableDiagnostics", "cwd" }, variables.Keys.ToHashSet());
        Assert.Equal(folder, variables["HOME"]);
        Assert.Equal("80000000", variables["DOTNET_GCHeapHardLimit"]);
        // Both sides' code is compiled fully optimised at its first call: no tier-up in the middle of the timed runs.
        Assert.Equal("0", variables["DOTNET_TieredCompilation"]);
        // Nothing of the runtime listens beside the program: no diagnostics server or debugger pipe.
        Assert.Equal("0", variables["DOTNET_EnableDiagnostics"]);
        // (the candidate's worker is stopped in the background once its session ended)
        SpinWait.SpinUntil(() => WorkerCandidateRunner.WorkersStopping == 0, TimeSpan.FromSeconds(10));
        Assert.False(Directory.Exists(folder), $"{folder} was left behind");
    }

    [Fact]
    public async Task FailFast_in_the_worker_is_a_crash_and_the_host_goes_on()
    {
        await using var session = await OpenAsync(Programs.ReferenceInitializingWith("        Environment.FailFast(\"gone\");"));

        var run = await session.RunAsync(RunSide.Candidate, 1, Timeout, Cancellation);
        var baseline = await session.RunAsync(RunSide.Baseline, 1, Timeout, Cancellation);

        Assert.Equal(EvaluationStatus.Crash, run.Failure);
        Assert.True(run.Detail.Contains("gone", StringComparison.Ordinal), run.Detail);
        Assert.True(baseline.Succeeded, baseline.Detail);
    }

    [Fact]
    public async Task After_a_timeout_the_candidate_worker_is_dead_and_further_runs_fail_at_once()
    {
        await using var session = await OpenAsync(Programs.ReferenceInitializingWith("        while (config.Steps > 0) { }"));

        var first = await session.RunAsync(RunSide.Candidate, 1, TimeSpan.FromSeconds(1), Cancellation);
        var second = await session.RunAsync(RunSide.Candidate, 2, TimeSpan.FromSeconds(30), Cancellation);

        Assert.Equal(EvaluationStatus.Timeout, first.Failure);
        Assert.Equal(EvaluationStatus.Timeout, second.Failure);
        Assert.Single(ChildProcesses.OfThisProcess()); // the reference's worker, still open

    }

    [Fact]
    public async Task A_program_that_does_not_implement_the_contract_cannot_open_a_session()
    {
        await using var runner = new WorkerCandidateRunner();
        var request = new SessionRequest(TinyLmTask.Instance, TinyLmSize.Tiny.Name, Programs.Image(Programs.Reference), Programs.Image("public sealed class Nothing { }"));

        var opening = await runner.OpenAsync(request, Cancellation);

        Assert.Null(opening.Session);
        Assert.Equal(EvaluationStatus.CompileError, opening.Failure);
        Assert.Empty(ChildProcesses.OfThisProcess());
    }

    [Fact]
    public async Task A_session_opened_on_workers_started_ahead_runs_in_them_and_starts_no_others()
    {
        await using var runner = new WorkerCandidateRunner();
        var started = await runner.StartAheadAsync(Cancellation);
        var ahead = ChildProcesses.OfThisProcess().Order().ToList();

        var request = new SessionRequest(TinyLmTask.Instance, TinyLmSize.Tiny.Name, Programs.Image(Programs.Reference), Programs.Image(Programs.Reference)) { Started = started };
        var opening = await runner.OpenAsync(request, Cancellation);
        await using var session = opening.Session!;
        var run = await session.RunAsync(RunSide.Candidate, 3, Timeout, Cancellation);

        Assert.NotNull(started);
        Assert.Equal(2, ahead.Count);
        Assert.Equal(ahead, ChildProcesses.OfThisProcess().Order().ToList());
        Assert.True(run.Succeeded, run.Detail);
    }

    [Fact]
    public async Task Of_workers_started_ahead_for_a_program_that_cannot_be_loaded_the_candidates_is_stopped_and_the_references_kept()
    {
        await using var runner = new WorkerCandidateRunner();
        var started = await runner.StartAheadAsync(Cancellation);
        var request = new SessionRequest(TinyLmTask.Instance, TinyLmSize.Tiny.Name, Programs.Image(Programs.Reference), Programs.Image("public sealed class Nothing { }")) { Started = started };

        var opening = await runner.OpenAsync(request, Cancellation);
        var next = await runner.OpenAsync(request with { CandidateImage = Programs.Image(Programs.Reference), Started = null }, Cancellation);
        await next.Session!.DisposeAsync();

        Assert.Equal(EvaluationStatus.CompileError, opening.Failure);
        Assert.Empty(ChildProcesses.OfThisProcess());
        Assert.Equal(1, runner.ReferenceWorkersReused);
    }
}
