using RsiSim.Core.Attempts;
using RsiSim.Core.Evaluations;
using RsiSim.Core.Randomness;
using RsiSim.Reporting.Comparing;

namespace RsiSim.Reporting.Stats;

/// <summary>Summarises each arm's trials, and compares every pair of arms.</summary>
internal static class ArmStatisticsCalculator
{
    public static ArmStatistics Compute(ReportedArm arm, ulong seed, int resamples)
    {
        var bests = arm.Trials.Select(t => t.BestSpeedup).ToList();
        // The interval's stream is derived from the arm's label, so adding or reordering arms changes no other arm's interval.
        var (low, high) = BootstrapInterval.OfMean(bests, SplitMix64.Derive(seed, arm.Label), resamples);
        var attempts = arm.Attempts.ToList();
        var byStatus = attempts.GroupBy(a => a.Record.Status).ToDictionary(g => g.Key, g => g.Count());
        var last = arm.Trials.Where(t => t.Attempts.Count > 0).Select(t => t.Attempts[^1].Record.Spent).ToList();
        return new ArmStatistics(
            arm.Label,
            arm.Agent,
            bests,
            bests.Count == 0 ? double.NaN : bests.Average(),
            Statistics.Median(bests),
            bests.Count == 0 ? double.NaN : bests.Max(),
            low,
            high,
            attempts.Count,
            attempts.Count(a => a.Record.Status.IsValid()),
            byStatus,
            [.. Milestone.Targets.Select(target => MilestoneOf(arm, target))],
            last.Sum(s => s.Tokens),
            last.Sum(s => s.Money));
    }

    public static List<PairwiseComparison> Pairs(IReadOnlyList<ArmStatistics> arms)
    {
        var pairs = new List<PairwiseComparison>();
        for (int i = 0; i < arms.Count; i++)
        {
            for (int j = i + 1; j < arms.Count; j++)
            {
                pairs.Add(MannWhitney.Compare(arms[i].Arm, arms[j].Arm, arms[i].TrialBests, arms[j].TrialBests));
            }
        }
        return pairs;
    }

    private static Milestone MilestoneOf(ReportedArm arm, double target)
    {
        var reached = arm.Trials.Select(t => Milestone.FirstAttemptReaching(t.Attempts, target)).ToList();
        double median = Statistics.Median(reached.Select(a => a is { } n ? (double)n : double.PositiveInfinity));
        return new Milestone(target, double.IsFinite(median) ? median : null, reached.Count(a => a is not null), reached.Count);
    }
}
