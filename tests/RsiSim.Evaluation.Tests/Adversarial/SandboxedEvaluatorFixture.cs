using RsiSim.Core.Candidates;
using RsiSim.Core.Evaluations;
using RsiSim.Evaluation.Sandbox;
using RsiSim.Evaluation.Timing;
using RsiSim.Tasks.TinyLm;
using EvaluationResult = RsiSim.Core.Evaluations.Evaluation;

namespace RsiSim.Evaluation.Tests.Adversarial;

/// <summary>One evaluator with sandboxed workers, shared by every case: the host must survive them all.</summary>
public sealed class SandboxedEvaluatorFixture
{
    /// <summary>Short enough for the endless loop to be killed quickly, long enough for a tiny run's JIT.</summary>
    public static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(3);

    private ulong _seed = 1000;

    public CandidateEvaluator Evaluator { get; } = CandidateEvaluator.Create(new EvaluatorOptions
    {
        Timing = new TimingOptions(WarmupRuns: 1, Repetitions: 5, MinimumRunTimeout: RunTimeout),
        // Small, so that the 40 GiB candidates reach it well within the run timeout.
        Sandbox = new SandboxOptions { MemoryCapBytes = 512L << 20 },
    });

    public static Candidate Reference { get; } = Candidate.FromSource(TinyLmTask.Instance.ReferenceSource);

    /// <summary>Evaluates at the tiny size on a hidden seed no other evaluation of the suite used, never from the cache.</summary>
    public ValueTask<EvaluationResult> EvaluateAsync(Candidate candidate) =>
        Evaluator.EvaluateAsync(new EvaluationRequest("tinylm", TinyLmSize.Tiny.Name, candidate, Interlocked.Increment(ref _seed), Fresh: true), TestContext.Current.CancellationToken);

    public static Candidate Load(string name) =>
        Candidate.FromSource(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "adversarial", name + ".cs")));
}
