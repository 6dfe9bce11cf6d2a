namespace RsiSim.Reporting.Stats;

/// <summary>How many attempts an arm's trials needed to reach a speedup.</summary>
/// <param name="Target">The speedup to reach, e.g. 4.0.</param>
/// <param name="MedianAttempts">Median over trials of the first attempt whose best reached the target, a trial that never did counting as never; null when half or more never did.</param>
/// <param name="TrialsReached">Trials that reached the target.</param>
/// <param name="Trials">Trials of the arm.</param>
public sealed record Milestone(double Target, double? MedianAttempts, int TrialsReached, int Trials)
{
    /// <summary>The speedups every report tracks.</summary>
    public static IReadOnlyList<double> Targets { get; } = [2.0, 4.0, 10.0];

    /// <summary>The attempt at which a trial's best first reached <paramref name="target"/>, or null if it never did.</summary>
    public static int? FirstAttemptReaching(IEnumerable<Storage.Reading.StoredAttempt> attempts, double target)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        return attempts.FirstOrDefault(a => a.Record.BestSpeedup >= target)?.Record.Spent.Attempts;
    }
}
