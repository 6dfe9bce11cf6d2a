using System.Globalization;

namespace RsiSim.Evaluation.Timing;

/// <summary>How a candidate is timed against the reference.</summary>
/// <param name="WarmupRuns">Untimed runs of each side first, on their own seeds. Two by default: a fresh worker's first
/// run and its second were both slower than the runs after them (the mid-way candidate at <c>small</c>: 84 to 122 ms,
/// then 60 to 97, then steady near 60; docs/evaluation.md).</param>
/// <param name="Repetitions">Timed pairs, interleaved baseline/candidate: all of them, or the least where
/// <paramref name="MostRepetitions"/> allows more.</param>
/// <param name="RunTimeoutFactor">A run may take this many times the reference's run before it is a timeout.</param>
/// <param name="MinimumRunTimeout">The least a run is allowed, whatever the reference takes.</param>
/// <param name="AlternateOrder">Whether the timed pairs alternate which program runs first (reference first, then candidate
/// first, ...), as the landscape cache's method does; by default the reference always runs first, so that every run
/// follows a run of the other program (docs/evaluation.md).</param>
/// <param name="MostRepetitions">The timed pairs an imprecise speedup may take: after <paramref name="Repetitions"/>, pairs
/// are added one at a time until the speedup's 95% interval lies within <paramref name="Precision"/> of it, or this many
/// were made. At most <paramref name="Repetitions"/> (0 by default): exactly that many pairs, whatever the interval.</param>
/// <param name="Precision">The 95% interval's half width, as a share of the speedup, that ends the added pairs.</param>
/// <remarks>
/// What adding pairs is for: on a machine whose own speed swings, five pairs are not enough for a ratio of medians.
/// <c>rsisim eval</c> adds them (<see cref="Adaptive"/>); a run does not, unless its scenario's <c>timing</c> says so: there
/// the added pairs came out of the arms' wall-clock budgets, and the quickstart made 7 attempts on its greedy arm instead
/// of 16 (docs/evaluation.md).
/// </remarks>
public sealed record TimingOptions(
    int WarmupRuns = 2, int Repetitions = 5, double RunTimeoutFactor = 10, TimeSpan? MinimumRunTimeout = null, bool AlternateOrder = false,
    int MostRepetitions = 0, double Precision = 0.03)
{
    /// <summary>The most timed pairs <c>rsisim eval</c> lets an imprecise speedup take (<see cref="Adaptive"/>).</summary>
    public const int DefaultMostRepetitions = 20;

    /// <summary>What <c>rsisim eval</c> measures with: 2 warm-up pairs, then 5 timed pairs, and more, up to
    /// <see cref="DefaultMostRepetitions"/>, while the speedup's 95% interval is wider than ±3% of it.</summary>
    public static TimingOptions Adaptive(int repetitions = 5, int mostRepetitions = DefaultMostRepetitions) =>
        new(Repetitions: repetitions, MostRepetitions: mostRepetitions);

    public TimeSpan MinimumTimeout => MinimumRunTimeout ?? TimeSpan.FromSeconds(10);

    /// <summary>The timed pairs an evaluation may take at most: <see cref="MostRepetitions"/>, never fewer than <see cref="Repetitions"/>.</summary>
    public int RepetitionsAtMost => Math.Max(Repetitions, MostRepetitions);

    /// <summary>The timed pairs as people read them: "5", or "5 to 20" where pairs may be added.</summary>
    public string PairsText => RepetitionsAtMost > Repetitions
        ? string.Create(CultureInfo.InvariantCulture, $"{Repetitions} to {RepetitionsAtMost}")
        : Repetitions.ToString(CultureInfo.InvariantCulture);

    /// <summary>Whether a speedup with this 95% interval is precise enough to stop adding pairs.</summary>
    public bool IsPrecise(double speedup, double low, double high) => (high - low) / 2 <= Precision * speedup;
}
