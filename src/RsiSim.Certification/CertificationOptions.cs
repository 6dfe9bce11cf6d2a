namespace RsiSim.Certification;

/// <summary>How <c>rsisim certify</c> measures.</summary>
public sealed record CertificationOptions
{
    /// <summary>The seed of the one training run every measurement repeats; null derives it from the run's scenario seed.</summary>
    public ulong? Seed { get; init; }

    /// <summary>Measured iterations per program (one whole training run each). BenchmarkDotNet's ShortRun has 3; the median of 3 is one sample, so 9.</summary>
    public int Iterations { get; init; } = 9;

    /// <summary>Warm-up iterations per program, as in BenchmarkDotNet's ShortRun.</summary>
    public int WarmupIterations { get; init; } = 3;

    /// <summary>Throws for settings that cannot work.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Iterations, 1, nameof(Iterations));
        ArgumentOutOfRangeException.ThrowIfNegative(WarmupIterations, nameof(WarmupIterations));
    }
}
