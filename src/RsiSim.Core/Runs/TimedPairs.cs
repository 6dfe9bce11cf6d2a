namespace RsiSim.Core.Runs;

/// <summary>How many interleaved timed pairs a live run's evaluations make: <paramref name="Repetitions"/>, then one more at a
/// time while the speedup's 95% interval is wider than ±3% of it, up to <paramref name="MostRepetitions"/> (at most
/// <paramref name="Repetitions"/>: exactly that many). A scenario's <c>timing</c>; by default exactly 5.</summary>
public sealed record TimedPairs(int Repetitions = 5, int MostRepetitions = 5);
