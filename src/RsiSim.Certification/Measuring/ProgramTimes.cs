using RsiSim.Core.Evaluations;

namespace RsiSim.Certification.Measuring;

/// <summary>What BenchmarkDotNet measured of one program: the seconds of each measured run, round by round.</summary>
public sealed record ProgramTimes(IReadOnlyList<IReadOnlyList<double>> Rounds)
{
    /// <summary>The median of every measured run, all rounds together.</summary>
    public double Median => Statistics.Median(Rounds.SelectMany(r => r));

    /// <summary>The median run of each round.</summary>
    public IReadOnlyList<double> RoundMedians => [.. Rounds.Select(Statistics.Median)];

    /// <summary>The speedup of <paramref name="candidate"/> over <paramref name="reference"/> in each round, as the ratio of
    /// the round's medians, in the order of the rounds.</summary>
    public static IReadOnlyList<double> RoundSpeedups(ProgramTimes reference, ProgramTimes candidate)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(candidate);
        return [.. reference.RoundMedians.Zip(candidate.RoundMedians, (r, c) => r / c)];
    }

    /// <summary>The certified speedup: the median of the rounds' speedups, so that a round the machine slowed down in moves it
    /// no more than any one round does.</summary>
    public static double Speedup(ProgramTimes reference, ProgramTimes candidate) => Statistics.Median(RoundSpeedups(reference, candidate));
}
