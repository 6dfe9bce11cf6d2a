namespace RsiSim.Evaluation.Timing;

/// <summary>How a candidate is timed against the reference.</summary>
/// <param name="WarmupRuns">Untimed runs of each side first, on their own seeds. Two by default: a fresh worker's first
/// run and its second were both slower than the runs after them (the mid-way candidate at <c>small</c>: 84 to 122 ms,
/// then 60 to 97, then steady near 60; docs/evaluation.md).</param>
/// <param name="Repetitions">Timed pairs, interleaved baseline/candidate.</param>
/// <param name="RunTimeoutFactor">A run may take this many times the reference's run before it is a timeout.</param>
/// <param name="MinimumRunTimeout">The least a run is allowed, whatever the reference takes.</param>
/// <param name="AlternateOrder">Whether the timed pairs alternate which program runs first (reference first, then candidate
/// first, ...), as the landscape cache's method does; by default the reference always runs first, so that every run
/// follows a run of the other program (docs/evaluation.md).</param>
public sealed record TimingOptions(int WarmupRuns = 2, int Repetitions = 5, double RunTimeoutFactor = 10, TimeSpan? MinimumRunTimeout = null, bool AlternateOrder = false)
{
    public TimeSpan MinimumTimeout => MinimumRunTimeout ?? TimeSpan.FromSeconds(10);
}
