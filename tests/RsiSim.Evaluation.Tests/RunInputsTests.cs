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

/// <summary>The runs' inputs drawn in the host for a runner that takes them: every seed of the schedule before the session
/// opens (before its second run, where it opens beside its workers' start), and, for an evaluation named ahead
/// (<see cref="CandidateEvaluator.Expect"/>), before its compile.</summary>
public sealed class RunInputsTests
{
    private static readonly TimingOptions Timing = new(WarmupRuns: 1, Repetitions: 2);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static (CandidateEvaluator Evaluator, InputsRunner Runner, TimingGate Gate) Build()
    {
        var runner = new InputsRunner();
        var gate = new TimingGate();
        var evaluator = new CandidateEvaluator(
            BuiltInTasks.Instance, new CandidateCompiler(), CandidatePolicy.Default, runner, new TimingProtocol(Timing),
            new MemoryEvaluationCache(), gate, NullLogger<CandidateEvaluator>.Instance);
        return (evaluator, runner, gate);
    }

    private static EvaluationRequest Request(ulong hiddenSeed) => new("tinylm", TinyLmSize.Tiny.Name, Candidate.FromSource(Programs.Reference), hiddenSeed);

    [Fact]
    public async Task Every_seed_of_the_schedule_is_drawn_before_the_session_opens()
    {
        var (evaluator, runner, gate) = Build();
        using (gate)
        {
            var evaluation = await evaluator.EvaluateAsync(Request(5), Cancellation);

            Assert.Equal(EvaluationStatus.Passed, evaluation.Status);
            Assert.Equal(new TimingProtocol(Timing).Seeds(5).Order(), runner.SeedsAtOpening.Single().Order());
            Assert.Equal(0, evaluator.DrawnAhead);
        }
    }

    [Fact]
    public async Task An_evaluation_named_ahead_finds_its_inputs_drawn_and_one_not_named_draws_its_own()
    {
        var (evaluator, runner, gate) = Build();
        using (gate)
        {
            evaluator.Expect("tinylm", TinyLmSize.Tiny.Name, 5);
            var named = await evaluator.EvaluateAsync(Request(5), Cancellation);
            evaluator.Expect("tinylm", TinyLmSize.Tiny.Name, 6);
            var other = await evaluator.EvaluateAsync(Request(7) with { Fresh = true }, Cancellation);
            await evaluator.DisposeAsync();

            Assert.Equal(EvaluationStatus.Passed, named.Status);
            Assert.Equal(EvaluationStatus.Passed, other.Status);
            Assert.Equal(1, evaluator.DrawnAhead);
            Assert.Equal(new TimingProtocol(Timing).Seeds(7).Order(), runner.SeedsAtOpening[1].Order());
        }
    }

    [Fact]
    public async Task Evaluations_named_but_never_made_do_not_keep_later_ones_from_being_drawn_ahead()
    {
        var (evaluator, _, gate) = Build();
        using (gate)
        {
            // An agent that finishes, or proposes no candidate, leaves its named evaluation behind, attempt after attempt.
            for (ulong unmade = 100; unmade < 120; unmade++)
            {
                evaluator.Expect("tinylm", TinyLmSize.Tiny.Name, unmade);
            }
            evaluator.Expect("tinylm", TinyLmSize.Tiny.Name, 5);
            var evaluation = await evaluator.EvaluateAsync(Request(5), Cancellation);
            await evaluator.DisposeAsync();

            Assert.Equal(EvaluationStatus.Passed, evaluation.Status);
            Assert.Equal(1, evaluator.DrawnAhead);
        }
    }

    [Fact]
    public async Task A_named_evaluation_of_a_size_the_task_does_not_have_is_refused_as_before_and_breaks_nothing()
    {
        var (evaluator, _, gate) = Build();
        using (gate)
        {
            var unhinted = await Record.ExceptionAsync(() => evaluator.EvaluateAsync(Request(4) with { Size = "enormous" }, Cancellation).AsTask());
            evaluator.Expect("tinylm", "enormous", 5);
            var hinted = await Record.ExceptionAsync(() => evaluator.EvaluateAsync(Request(5) with { Size = "enormous" }, Cancellation).AsTask());
            var evaluation = await evaluator.EvaluateAsync(Request(6), Cancellation);
            await evaluator.DisposeAsync();

            Assert.Equal(EvaluationStatus.Passed, evaluation.Status);
            Assert.Equal(0, evaluator.DrawnAhead);
            var refused = Assert.IsType<ArgumentException>(unhinted);
            Assert.Contains("unknown tinylm size 'enormous'", refused.Message, StringComparison.Ordinal);
            Assert.Equal(refused.Message, Assert.IsType<ArgumentException>(hinted).Message);
        }
    }

    [Fact]
    public void The_seeds_are_the_warm_up_seeds_then_the_timed_ones_each_once()
    {
        var seeds = new TimingProtocol(new TimingOptions(WarmupRuns: 2, Repetitions: 5)).Seeds(9);

        Assert.Equal(7, seeds.Count);
        Assert.Equal(7, seeds.Distinct().Count());
    }

    [Fact]
    public async Task A_session_opened_beside_its_start_has_every_seed_drawn_before_its_second_run()
    {
        var runner = new InputsRunner(stillStarting: true);
        using var gate = new TimingGate();
        var evaluator = new CandidateEvaluator(
            BuiltInTasks.Instance, new CandidateCompiler(), CandidatePolicy.Default, runner, new TimingProtocol(Timing),
            new MemoryEvaluationCache(), gate, NullLogger<CandidateEvaluator>.Instance);

        var evaluation = await evaluator.EvaluateAsync(Request(5), Cancellation);

        Assert.Equal(EvaluationStatus.Passed, evaluation.Status);
        var all = new TimingProtocol(Timing).Seeds(5).Order();
        Assert.Equal(2 * (Timing.WarmupRuns + Timing.Repetitions), runner.SeedsAtRun.Count);
        Assert.All(runner.SeedsAtRun.Skip(1), drawn => Assert.Equal(all, drawn.Order()));
    }

    /// <summary>Runs in process, taking inputs; notes which seeds each opening, and each run, found drawn.</summary>
    /// <param name="stillStarting">Hands the evaluator a start that is ready only 300 ms after it begins, so that the session
    /// opens beside it.</param>
    private sealed class InputsRunner(bool stillStarting = false) : ICandidateRunner
    {
        private readonly InProcessCandidateRunner _inner = new();

        public List<IReadOnlyCollection<ulong>> SeedsAtOpening { get; } = [];

        public List<IReadOnlyCollection<ulong>> SeedsAtRun { get; } = [];

        public bool TakesInputs => true;

        public ValueTask<IAsyncDisposable?> StartAheadAsync(CancellationToken cancellationToken) =>
            ValueTask.FromResult<IAsyncDisposable?>(stillStarting ? new SlowStart() : null);

        public async ValueTask<SessionOpening> OpenAsync(SessionRequest request, CancellationToken cancellationToken)
        {
            SeedsAtOpening.Add(request.Inputs!.Seeds);
            var opening = await _inner.OpenAsync(request, cancellationToken);
            return opening.Session is { } session ? SessionOpening.Opened(new Noting(session, () => SeedsAtRun.Add(request.Inputs.Seeds))) : opening;
        }

        private sealed class SlowStart : IStartingAhead
        {
            private readonly TaskCompletionSource _begun = new(TaskCreationOptions.RunContinuationsAsynchronously);

            public SlowStart() => Ready = _begun.Task.ContinueWith(_ => Task.Delay(300), TaskScheduler.Default).Unwrap();

            public Task Ready { get; }

            public void Begin() => _begun.TrySetResult();

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }

        private sealed class Noting(IRunSession inner, Action note) : IRunSession
        {
            public ValueTask<TimedRun> RunAsync(RunSide side, ulong seed, TimeSpan timeout, CancellationToken cancellationToken) =>
                RunAsync(side, seed, timeout, null, cancellationToken);

            public ValueTask<TimedRun> RunAsync(RunSide side, ulong seed, TimeSpan timeout, Action<RsiSim.Tasks.Harness.RunOutput>? whileSettling, CancellationToken cancellationToken)
            {
                note();
                return inner.RunAsync(side, seed, timeout, whileSettling, cancellationToken);
            }

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }
}
