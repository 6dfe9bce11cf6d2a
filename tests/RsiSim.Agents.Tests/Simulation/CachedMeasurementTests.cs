using Microsoft.Extensions.Logging.Abstractions;
using RsiSim.Agents.Tests.Support;
using RsiSim.Core.Budgets;
using RsiSim.Core.Candidates;
using RsiSim.Core.Evaluations;
using RsiSim.Evaluation;
using RsiSim.Evaluation.Caching;
using RsiSim.Evaluation.Compilation;
using RsiSim.Evaluation.Policy;
using RsiSim.Evaluation.Running;
using RsiSim.Evaluation.Sandbox;
using RsiSim.Evaluation.Simulation;
using RsiSim.Evaluation.Timing;
using RsiSim.Tasks;
using RsiSim.Tasks.TinyLm;

namespace RsiSim.Agents.Tests.Simulation;

public sealed class CachedMeasurementTests : IDisposable
{
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "rsisim-landscape-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task With_a_warm_cache_a_run_measures_nothing_live_and_runs_no_candidate_code()
    {
        var scenario = AgentLoop.Scenario(new Budget(Attempts: 6), 2, AgentLoop.Arm("p", "persona", ("profile", "opus-4.5")));

        var (coldRunner, cold) = Landscape();
        var first = await AgentLoop.RunAsync(scenario, cold);
        var (warmRunner, warm) = Landscape();
        var second = await AgentLoop.RunAsync(scenario, warm);

        Assert.True(cold.LiveMeasurements > 0 && coldRunner.Opened > 0, "the cold run should have measured its candidates");
        Assert.Equal(0, warm.LiveMeasurements);
        Assert.Equal(0, warmRunner.Opened);
        // Draws are seeded by the hidden seeds, and a live measurement is handed back as a draw: the cold and the warm
        // run of one scenario are the same run.
        Assert.Equal(
            first.Select(a => (a.Attempt.CandidateHash, a.Attempt.Status, a.Attempt.Speedup)),
            second.Select(a => (a.Attempt.CandidateHash, a.Attempt.Status, a.Attempt.Speedup)));
    }

    [Fact]
    public async Task A_landscape_times_the_reference_once_a_minute_for_every_candidate_it_records_and_still_checks_each()
    {
        var clock = new ManualClock();
        var shared = new SharedBaselineRunner(new WorkerCandidateRunner(OneSessionEach), clock);
        var live = new CandidateEvaluator(BuiltInTasks.Instance, new CandidateCompiler(), CandidatePolicy.Default, shared,
            new TimingProtocol(new TimingOptions(WarmupRuns: 1, Repetitions: 3)), new MemoryEvaluationCache(), new TimingGate(), NullLogger<CandidateEvaluator>.Instance);
        var landscape = new LandscapeEvaluator(live, new FileEvaluationCache(_cache), "test-machine", measurementSeed: 99);
        var moves = TinyLmTask.Instance.Moves;
        ValueTask<EvaluationResult> Evaluate(string id) => landscape.EvaluateAsync(
            new EvaluationRequest("tinylm", "tiny", Candidate.FromSource(TinyLmTask.Instance.Compose(moves.Closure(id))), HiddenSeed: 5),
            TestContext.Current.CancellationToken);

        var first = await Evaluate("embedding-lookup");
        var second = await Evaluate("float32");
        var wrong = await Evaluate("dropped-output-bias-grad");
        int withinAMinute = shared.BaselineRuns;
        clock.Advance(TimeSpan.FromMinutes(2));
        var later = await Evaluate("flat-arrays");

        Assert.All([first, second, later], e => Assert.True(e.Status == EvaluationStatus.Passed, e.Summary));
        Assert.Equal(EvaluationStatus.WrongResult, wrong.Status);
        // The first candidate's warm-up and three timed reference runs serve the next two candidates as well.
        Assert.Equal(4, withinAMinute);
        // Once the timings are stale, an evaluation warms its reference worker and times the reference once more.
        Assert.Equal(6, shared.BaselineRuns);
    }

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks = 1_000_000;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref _ticks);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }

    public void Dispose()
    {
        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }

    // Runners these tests never dispose keep no reference worker idle until the test process ends.
    private static SandboxOptions OneSessionEach => new() { KeepReferenceWorker = false };

    // A real evaluator (Roslyn, policy, sandboxed workers) behind the landscape cache, with its runner counted.
    private (CountingRunner Runner, LandscapeEvaluator Evaluator) Landscape()
    {
        var runner = new CountingRunner(new WorkerCandidateRunner(OneSessionEach));
        var live = new CandidateEvaluator(BuiltInTasks.Instance, new CandidateCompiler(), CandidatePolicy.Default, runner,
            new TimingProtocol(new TimingOptions(Repetitions: 2)), new MemoryEvaluationCache(), new TimingGate(), NullLogger<CandidateEvaluator>.Instance);
        return (runner, new LandscapeEvaluator(live, new FileEvaluationCache(_cache), "test-machine"));
    }

    private sealed class CountingRunner(ICandidateRunner inner) : ICandidateRunner
    {
        private int _opened;

        public int Opened => _opened;

        public ValueTask<SessionOpening> OpenAsync(SessionRequest request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _opened);
            return inner.OpenAsync(request, cancellationToken);
        }
    }
}
