using Microsoft.Extensions.Logging.Abstractions;
using RsiSim.Core.Candidates;
using RsiSim.Core.Evaluations;
using RsiSim.Evaluation.Caching;
using RsiSim.Evaluation.Compilation;
using RsiSim.Evaluation.Policy;
using RsiSim.Evaluation.Running;
using RsiSim.Evaluation.Timing;
using RsiSim.Tasks;
using RsiSim.Tasks.TinyLm;

namespace RsiSim.Evaluation.Tests;

/// <summary>The evaluator starts the runner's processes while it compiles: what was started is used once, or stopped.</summary>
public sealed class StartAheadTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static (CandidateEvaluator Evaluator, StartingRunner Runner, TimingGate Gate) Build(bool stillStarting = false, int warmupRuns = 1)
    {
        var runner = new StartingRunner(stillStarting);
        var gate = new TimingGate();
        var evaluator = new CandidateEvaluator(
            BuiltInTasks.Instance, new CandidateCompiler(), CandidatePolicy.Default, runner,
            new TimingProtocol(new TimingOptions(WarmupRuns: warmupRuns, Repetitions: 1)), new MemoryEvaluationCache(), gate,
            NullLogger<CandidateEvaluator>.Instance);
        return (evaluator, runner, gate);
    }

    private static EvaluationRequest Request(string source) => new("tinylm", TinyLmSize.Tiny.Name, Candidate.FromSource(source), 5);

    [Fact]
    public async Task What_was_started_ahead_is_handed_to_the_session_that_times_the_candidate()
    {
        var (evaluator, runner, gate) = Build();
        using (gate)
        {
            var evaluation = await evaluator.EvaluateAsync(Request(Programs.Reference), Cancellation);

            Assert.Equal(EvaluationStatus.Passed, evaluation.Status);
            Assert.Same(runner.Started[0], runner.Opened[0]);
            Assert.False(runner.Started[0].Disposed); // the session owns it now
        }
    }

    [Theory]
    [InlineData("class NotAModel {", EvaluationStatus.CompileError)]
    [InlineData("public sealed class Files { public string Read() => System.IO.File.ReadAllText(\"/etc/passwd\"); }", EvaluationStatus.PolicyViolation)]
    public async Task What_was_started_ahead_for_a_candidate_that_never_runs_is_stopped(string source, EvaluationStatus expected)
    {
        var (evaluator, runner, gate) = Build();
        using (gate)
        {
            var evaluation = await evaluator.EvaluateAsync(Request(source), Cancellation);

            Assert.Equal(expected, evaluation.Status);
            Assert.Single(runner.Started);
            Assert.True(runner.Started[0].Disposed);
            Assert.Empty(runner.Opened);
        }
    }

    [Fact]
    public async Task Nothing_is_started_ahead_while_another_evaluation_times()
    {
        var (evaluator, runner, gate) = Build();
        using (gate)
        {
            var timing = await gate.EnterExclusiveAsync(Cancellation);
            var evaluation = evaluator.EvaluateAsync(Request(Programs.Reference), Cancellation).AsTask();

            Assert.Empty(runner.Started);
            timing.Dispose();
            Assert.Equal(EvaluationStatus.Passed, (await evaluation.WaitAsync(TimeSpan.FromMinutes(2), Cancellation)).Status);
            Assert.Single(runner.Started);
        }
    }

    [Fact]
    public async Task A_start_still_going_once_the_compile_is_done_goes_on_beside_the_evaluation_s_own_runs_and_nobody_else_s()
    {
        var (evaluator, runner, gate) = Build(stillStarting: true);
        using (gate)
        {
            var evaluation = evaluator.EvaluateAsync(Request(Programs.Reference), Cancellation).AsTask();
            await runner.Opening.Task.WaitAsync(TimeSpan.FromMinutes(2), Cancellation);

            Assert.False(runner.Started[0].Ready.IsCompleted); // the session opens while its worker still starts
            var compile = gate.EnterSharedAsync(Cancellation).AsTask();
            var timing = gate.EnterExclusiveAsync(Cancellation).AsTask();
            Assert.False(compile.IsCompleted); // the evaluation holds the gate alone
            Assert.False(timing.IsCompleted);
            runner.Started[0].Finish();
            runner.Open.SetResult();
            Assert.Equal(EvaluationStatus.Passed, (await evaluation.WaitAsync(TimeSpan.FromMinutes(2), Cancellation)).Status);
            (await timing.WaitAsync(TimeSpan.FromMinutes(2), Cancellation)).Dispose();
            (await compile.WaitAsync(TimeSpan.FromMinutes(2), Cancellation)).Dispose();
        }
    }

    [Fact]
    public async Task A_start_still_going_beside_another_holder_of_the_gate_is_waited_for_before_the_evaluation_lets_go_of_it()
    {
        var (evaluator, runner, gate) = Build(stillStarting: true);
        using (gate)
        {
            var otherCompile = await gate.EnterSharedAsync(Cancellation);
            runner.Open.SetResult();
            var evaluation = evaluator.EvaluateAsync(Request(Programs.Reference), Cancellation).AsTask();
            await runner.ReadyAsked.Task.WaitAsync(TimeSpan.FromMinutes(2), Cancellation);

            // The compile is done and the start still goes: the evaluation keeps its shared hold, so no timed run can begin.
            var timing = gate.EnterExclusiveAsync(Cancellation).AsTask();
            Assert.False(timing.IsCompleted);
            Assert.False(runner.Opening.Task.IsCompleted);
            runner.Started[0].Finish();
            otherCompile.Dispose();
            (await timing.WaitAsync(TimeSpan.FromMinutes(2), Cancellation)).Dispose(); // it came first
            Assert.Equal(EvaluationStatus.Passed, (await evaluation.WaitAsync(TimeSpan.FromMinutes(2), Cancellation)).Status);
            Assert.True(runner.ReadyAtOpen[0]);
        }
    }

    [Fact]
    public async Task Without_warm_up_runs_the_start_is_waited_for_before_the_session_opens()
    {
        // The run that would go beside the start is then a timed one.
        var (evaluator, runner, gate) = Build(stillStarting: true, warmupRuns: 0);
        using (gate)
        {
            runner.Open.SetResult();
            var evaluation = evaluator.EvaluateAsync(Request(Programs.Reference), Cancellation).AsTask();
            await runner.ReadyAsked.Task.WaitAsync(TimeSpan.FromMinutes(2), Cancellation);
            await Task.Delay(200, Cancellation);

            Assert.False(runner.Opening.Task.IsCompleted);
            runner.Started[0].Finish();
            Assert.Equal(EvaluationStatus.Passed, (await evaluation.WaitAsync(TimeSpan.FromMinutes(2), Cancellation)).Status);
            Assert.True(runner.ReadyAtOpen[0]);
        }
    }

    /// <summary>Runs in process; "starts" a token ahead and notes what each opening was handed.</summary>
    /// <param name="stillStarting">Tokens still starting when handed over, until <see cref="Token.Finish"/>; and each opening
    /// waits for <see cref="Open"/>.</param>
    private sealed class StartingRunner(bool stillStarting = false) : ICandidateRunner
    {
        private readonly InProcessCandidateRunner _inner = new();

        public List<Token> Started { get; } = [];

        public List<IAsyncDisposable?> Opened { get; } = [];

        /// <summary>Whether each opening found its token ready.</summary>
        public List<bool> ReadyAtOpen { get; } = [];

        public TaskCompletionSource Opening { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Open { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Set once the evaluator asked whether a token is ready.</summary>
        public TaskCompletionSource ReadyAsked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask<IAsyncDisposable?> StartAheadAsync(CancellationToken cancellationToken)
        {
            var token = new Token(stillStarting, ReadyAsked);
            Started.Add(token);
            return ValueTask.FromResult<IAsyncDisposable?>(token);
        }

        public async ValueTask<SessionOpening> OpenAsync(SessionRequest request, CancellationToken cancellationToken)
        {
            Opened.Add(request.Started);
            ReadyAtOpen.Add(request.Started is Token { Ready.IsCompleted: true });
            if (stillStarting)
            {
                Opening.TrySetResult();
                await Open.Task.WaitAsync(cancellationToken);
            }
            return await _inner.OpenAsync(request, cancellationToken);
        }
    }

    private sealed class Token(bool stillStarting = false, TaskCompletionSource? asked = null) : IStartingAhead
    {
        private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Disposed { get; private set; }

        public Task Ready
        {
            get
            {
                asked?.TrySetResult();
                return stillStarting ? _ready.Task : Task.CompletedTask;
            }
        }

        public void Finish() => _ready.TrySetResult();

        public void Begin()
        {
        }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
