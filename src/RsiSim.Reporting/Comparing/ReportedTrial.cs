using RsiSim.Storage.Reading;

namespace RsiSim.Reporting.Comparing;

/// <summary>One trial of an arm with its attempts, oldest first.</summary>
public sealed record ReportedTrial(StoredTrial Trial, IReadOnlyList<StoredAttempt> Attempts)
{
    public int Index => Trial.Key.Index;

    /// <summary>The trial's best valid speedup; 1.0 (the reference) when nothing beat it.</summary>
    public double BestSpeedup => Trial.BestSpeedup;
}
