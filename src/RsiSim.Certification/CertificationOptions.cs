namespace RsiSim.Certification;

/// <summary>How <c>rsisim certify</c> measures.</summary>
public sealed record CertificationOptions
{
    /// <summary>The seed of the one training run every measurement repeats; null derives it from the run's scenario seed.</summary>
    public ulong? Seed { get; init; }

    /// <summary>Measured iterations per program (one whole training run each), over all rounds. BenchmarkDotNet's ShortRun has 3;
    /// the median of 3 is one sample, so 9.</summary>
    public int Iterations { get; init; } = 9;

    /// <summary>Warm-up iterations per program in the first round, as in BenchmarkDotNet's ShortRun; one in each later round.</summary>
    public int WarmupIterations { get; init; } = 3;

    /// <summary>The rounds the measured iterations are split into: each round measures every program, in the opposite order to
    /// the round before, and the certified speedup is the median of the rounds' ratios. 3.</summary>
    /// <remarks>
    /// Measured one whole program after another, a machine that slows by a tenth for a few seconds weighs on one program
    /// and not the other: three certifications of one run within two minutes found the reference's median at 465, 537 and
    /// 581 ms, and the same candidate 4.21x, 4.57x and 4.28x. Rounds bring the two programs seconds apart, as RsiSim's own
    /// interleaved pairs do at the scale of runs.
    /// </remarks>
    public int Rounds { get; init; } = 3;

    /// <summary>Throws for settings that cannot work.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Iterations, 1, nameof(Iterations));
        ArgumentOutOfRangeException.ThrowIfNegative(WarmupIterations, nameof(WarmupIterations));
        ArgumentOutOfRangeException.ThrowIfLessThan(Rounds, 1, nameof(Rounds));
        if (Rounds > Iterations)
        {
            throw new ArgumentOutOfRangeException(nameof(Rounds), Rounds, $"more rounds than measured iterations ({Iterations}): each round measures every program at least once");
        }
    }

    /// <summary>The measured iterations of round <paramref name="round"/> (from 0): the iterations shared out, the first rounds
    /// taking one more where they do not divide.</summary>
    public int IterationsIn(int round) => Iterations / Rounds + (round < Iterations % Rounds ? 1 : 0);

    /// <summary>The warm-up iterations of round <paramref name="round"/> (from 0): <see cref="WarmupIterations"/> first, then at most one.</summary>
    public int WarmupIn(int round) => round == 0 ? WarmupIterations : Math.Min(1, WarmupIterations);
}
