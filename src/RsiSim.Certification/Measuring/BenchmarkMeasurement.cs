namespace RsiSim.Certification.Measuring;

/// <summary>What a certification's measuring gave: each program measured in every round, and the round (from 1) each other
/// program had no result in.</summary>
internal sealed record BenchmarkMeasurement(IReadOnlyDictionary<string, ProgramTimes> Times, IReadOnlyDictionary<string, int> FailedInRound)
{
    /// <summary>Why a program has no times, for its detail.</summary>
    public string NoResult(string name, int rounds) => FailedInRound.TryGetValue(name, out int round)
        ? $"BenchmarkDotNet gave no result for it in round {round} of {rounds}; run with --verbose to see its log"
        : "it was not measured: the reference had no result first; run with --verbose to see its log";
}
