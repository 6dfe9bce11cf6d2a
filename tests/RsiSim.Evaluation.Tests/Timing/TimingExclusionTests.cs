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

namespace RsiSim.Evaluation.Tests.Timing;

/// <summary>Evaluations of parallel trials: a candidate is compiled beside other compiles, never beside a timed run.</summary>
public sealed class TimingExclusionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_candidate_is_not_compiled_while_another_evaluation_times()
    {
        using var gate = new TimingGate();
        var runner = new HeldRunner();
        var evaluator = new CandidateEvaluator(
            BuiltInTasks.Instance, new CandidateCompiler(), CandidatePolicy.Default, runner,
            new TimingProtocol(new TimingOptions(WarmupRuns: 1, Repetitions: 1)), new MemoryEvaluationCache(), gate,
            NullLogger<CandidateEvaluator>.Instance);
        var timing = evaluator.EvaluateAsync(Request(Programs.Reference), TestContext.Current.CancellationToken).AsTask();
        await runner.Running.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);

        var compiling = evaluator.EvaluateAsync(Request("class NotAModel {"), TestContext.Current.CancellationToken).AsTask();

        Assert.False(compiling.IsCompleted);
        Assert.Equal(1, gate.Waiting);
        runner.Release.SetResult();
        Assert.Equal(EvaluationStatus.Passed, (await timing.WaitAsync(Patience, TestContext.Current.CancellationToken)).Status);
        Assert.Equal(EvaluationStatus.CompileError, (await compiling.WaitAsync(Patience, TestContext.Current.CancellationToken)).Status);
    }

    private static EvaluationRequest Request(string source) => new("tinylm", TinyLmSize.Tiny.Name, Candidate.FromSource(source), 5);

    /// <summary>Runs in process, but holds the first timed run until the test releases it.</summary>
    private sealed class HeldRunner : ICandidateRunner
    {
        private readonly InProcessCandidateRunner _inner = new();

        public TaskCompletionSource Running { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async ValueTask<SessionOpening> OpenAsync(SessionRequest request, CancellationToken cancellationToken)
        {
            var opening = await _inner.OpenAsync(request, cancellationToken);
            return opening.Session is null ? opening : SessionOpening.Opened(new HeldSession(opening.Session, this));
        }

        private sealed class HeldSession(IRunSession inner, HeldRunner runner) : IRunSession
        {
            public async ValueTask<TimedRun> RunAsync(RunSide side, ulong seed, TimeSpan timeout, CancellationToken cancellationToken)
            {
                runner.Running.TrySetResult();
                await runner.Release.Task;
                return await inner.RunAsync(side, seed, timeout, cancellationToken);
            }

            public void Expect(RunSide side, ulong seed) => inner.Expect(side, seed);

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }
}
