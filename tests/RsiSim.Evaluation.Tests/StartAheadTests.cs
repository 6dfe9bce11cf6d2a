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

    private static (CandidateEvaluator Evaluator, StartingRunner Runner, TimingGate Gate) Build()
    {
        var runner = new StartingRunner();
        var gate = new TimingGate();
        var evaluator = new CandidateEvaluator(
            BuiltInTasks.Instance, new CandidateCompiler(), CandidatePolicy.Default, runner,
            new TimingProtocol(new TimingOptions(WarmupRuns: 1, Repetitions: 1)), new MemoryEvaluationCache(), gate,
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

    /// <summary>Runs in process; "starts" a token ahead and notes what each opening was handed.</summary>
    private sealed class StartingRunner : ICandidateRunner
    {
        private readonly InProcessCandidateRunner _inner = new();

        public List<Token> Started { get; } = [];

        public List<IAsyncDisposable?> Opened { get; } = [];

        public ValueTask<IAsyncDisposable?> StartAheadAsync(CancellationToken cancellationToken)
        {
            var token = new Token();
            Started.Add(token);
            return ValueTask.FromResult<IAsyncDisposable?>(token);
        }

        public ValueTask<SessionOpening> OpenAsync(SessionRequest request, CancellationToken cancellationToken)
        {
            Opened.Add(request.Started);
            return _inner.OpenAsync(request, cancellationToken);
        }
    }

    private sealed class Token : IAsyncDisposable
    {
        public bool Disposed { get; private set; }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
