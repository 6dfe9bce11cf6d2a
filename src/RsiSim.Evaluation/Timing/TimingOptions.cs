namespace RsiSim.Evaluation.Timing;

/// <summary>How a candidate is timed against the reference.</summary>
/// <param name="WarmupRuns">Untimed runs of each side first, on their own seeds (the JIT's tiers, caches, page faults).</param>
/// <param name="Repetitions">Timed pairs, interleaved baseline/candidate with alternating order.</param>
/// <param name="RunTimeoutFactor">A run may take this many times the reference's run before it is a timeout.</param>
/// <param name="MinimumRunTimeout">The least a run is allowed, whatever the reference takes.</param>
public sealed record TimingOptions(int WarmupRuns = 1, int Repetitions = 5, double RunTimeoutFactor = 10, TimeSpan? MinimumRunTimeout = null)
{
    public TimeSpan MinimumTimeout => MinimumRunTimeout ?? TimeSpan.FromSeconds(10);
}
