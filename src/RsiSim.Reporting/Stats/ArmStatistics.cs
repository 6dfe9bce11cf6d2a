using RsiSim.Core.Attempts;

namespace RsiSim.Reporting.Stats;

/// <summary>What a report says about one arm: its trial bests summarised, its attempts, its milestones and what it spent.</summary>
/// <param name="Arm">The arm's label.</param>
/// <param name="Agent">The agent kind.</param>
/// <param name="TrialBests">Each trial's best speedup, by trial index.</param>
/// <param name="AverageBest">Mean of the trial bests: the published "average best speedup".</param>
/// <param name="MedianBest">Median of the trial bests.</param>
/// <param name="MaxBest">Largest trial best.</param>
/// <param name="CiLow">Lower bound of the 95% percentile-bootstrap interval of the average best.</param>
/// <param name="CiHigh">Upper bound of that interval.</param>
/// <param name="Attempts">Attempts over all trials.</param>
/// <param name="ValidAttempts">Attempts whose candidate passed every check (improved or not-faster).</param>
/// <param name="ByStatus">Attempts per status; statuses never seen are absent.</param>
/// <param name="Milestones">Attempts to reach 2x, 4x and 10x.</param>
/// <param name="Tokens">Tokens spent over all trials.</param>
/// <param name="Cost">Money spent over all trials.</param>
public sealed record ArmStatistics(
    string Arm,
    string Agent,
    IReadOnlyList<double> TrialBests,
    double AverageBest,
    double MedianBest,
    double MaxBest,
    double CiLow,
    double CiHigh,
    int Attempts,
    int ValidAttempts,
    IReadOnlyDictionary<AttemptStatus, int> ByStatus,
    IReadOnlyList<Milestone> Milestones,
    long Tokens,
    decimal Cost)
{
    public int Trials => TrialBests.Count;
}
