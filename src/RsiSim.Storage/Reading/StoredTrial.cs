using RsiSim.Core.Trials;

namespace RsiSim.Storage.Reading;

/// <summary>A trial as recorded: its seed, how far it got, its best, and how it ended if it did.</summary>
/// <param name="Key">Arm and index.</param>
/// <param name="Seed">The trial's seed.</param>
/// <param name="StartedAt">When it first started.</param>
/// <param name="Resumes">How many times it was started again after an interruption.</param>
/// <param name="Attempts">Attempts recorded.</param>
/// <param name="BestSpeedup">Best speedup so far (1.0 until an improvement).</param>
/// <param name="BestHash">The best candidate's hash: set by an improvement or when the trial finished.</param>
/// <param name="FinishedAt">When it finished; null while unfinished.</param>
/// <param name="StopReason">Which budget ran out, or why the agent stopped; null while unfinished.</param>
public sealed record StoredTrial(
    TrialKey Key,
    ulong Seed,
    DateTimeOffset StartedAt,
    int Resumes,
    int Attempts,
    double BestSpeedup,
    string? BestHash,
    DateTimeOffset? FinishedAt,
    string? StopReason)
{
    public bool Finished => FinishedAt is not null;
}
