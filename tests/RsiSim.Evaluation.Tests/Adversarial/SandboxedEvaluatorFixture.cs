using RsiSim.Core.Candidates;
using RsiSim.Core.Evaluations;
using RsiSim.Evaluation.Sandbox;
using RsiSim.Evaluation.Timing;
using RsiSim.Tasks.TinyLm;

namespace RsiSim.Evaluation.Tests.Adversarial;

/// <summary>One evaluator with sandboxed workers, shared by every case: the host must survive them all.</summary>
public sealed class SandboxedEvaluatorFixture : IAsyncDisposable
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

    /// <summary>More timed pairs than <see cref="Evaluator"/>: a tiny run takes milliseconds, and the median of a few is noise on a loaded machine.</summary>
    public CandidateEvaluator ReferenceEvaluator { get; } = CandidateEvaluator.Create(new EvaluatorOptions
    {
        Timing = new TimingOptions(WarmupRuns: 2, Repetitions: 11, MinimumRunTimeout: RunTimeout),
    });

    public static Candidate Reference { get; } = Candidate.FromSource(TinyLmTask.Instance.ReferenceSource);

    /// <summary>What "about 1x" means for the reference against itself at the tiny size on this machine.</summary>
    /// <remarks>
    /// Loose on purpose: a tiny run takes 2 to 6 ms, and on two shared cores under a load average near 10 a
    /// run is preempted often; reference-against-reference medians were measured from 0.3x to 2.1x.
    /// What the bound catches is a grossly skewed session, not noise; the status checks are the strict ones.
    /// </remarks>
    public static readonly (double Low, double High) NearOne = (0.25, 4.0);

    /// <summary>Evaluates the reference against itself until one evaluation lands near 1x, at most three times.</summary>
    /// <remarks>
    /// Each evaluation opens fresh workers, so what a hostile candidate could have left behind would skew
    /// every attempt; the machine's other load skews one now and then. Every attempt must pass.
    /// </remarks>
    public async Task<IReadOnlyList<EvaluationResult>> EvaluateReferenceAsync()
    {
        var attempts = new List<EvaluationResult>();
        do
        {
            attempts.Add(await ReferenceEvaluator.EvaluateAsync(
                new EvaluationRequest("tinylm", TinyLmSize.Tiny.Name, Reference, Interlocked.Increment(ref _seed), Fresh: true), TestContext.Current.CancellationToken));
        }
        while (attempts.Count < 3 && !(attempts[^1].Speedup >= NearOne.Low && attempts[^1].Speedup <= NearOne.High));
        return attempts;
    }

    /// <summary>Evaluates at the tiny size (unless told otherwise) on a hidden seed no other evaluation of the suite used, never from the cache.</summary>
    public ValueTask<EvaluationResult> EvaluateAsync(Candidate candidate, string? size = null) =>
        Evaluator.EvaluateAsync(new EvaluationRequest("tinylm", size ?? TinyLmSize.Tiny.Name, candidate, Interlocked.Increment(ref _seed), Fresh: true), TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Evaluator.DisposeAsync();
        await ReferenceEvaluator.DisposeAsync();
    }

    public static Candidate Load(string name) =>
        Candidate.FromSource(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "adversarial", name + ".cs")));
}
