using RsiSim.Reporting.Comparing;
using RsiSim.Reporting.Stats;
using RsiSim.Storage.Certifications;

namespace RsiSim.Reporting;

/// <summary>The columns of the arm and pair tables and how each cell is written; the terminal tables use the same.</summary>
public static class ReportColumns
{
    /// <summary>Header and CSS class of each column of the arm table.</summary>
    public static IReadOnlyList<(string Header, string Class)> Arms { get; } =
    [
        ("arm", "arm text"), ("agent", "agent text"), ("trials", "trials"), ("average best", "average-best"), ("median best", "median-best"),
        ("max best", "max-best"), ("95% CI of average", "ci"), ("valid / attempts", "valid"), ("attempts to 2x", "to-2x"),
        ("attempts to 4x", "to-4x"), ("attempts to 10x", "to-10x"), ("tokens", "tokens"), ("cost", "cost"),
    ];

    public static IReadOnlyList<(string Header, string Class)> Pairs { get; } =
    [
        ("A", "a text"), ("B", "b text"), ("P(A beats B)", "p-a-beats-b"), ("P(B beats A)", "p-b-beats-a"), ("p-value", "p-value"), ("trials", "trials"),
    ];

    /// <summary>The certification table: each arm's best candidate, RsiSim's speedup for it and BenchmarkDotNet's.</summary>
    public static IReadOnlyList<(string Header, string Class)> Certified { get; } =
    [
        ("arm", "arm text"), ("trial", "trial"), ("candidate", "candidate text"), ("RsiSim speedup (95% CI)", "rsisim"),
        ("certified speedup", "certified"), ("difference", "difference"), ("agreement", "agreement text"),
    ];

    public static IReadOnlyList<string> CertifiedCells(CertifiedArm arm)
    {
        ArgumentNullException.ThrowIfNull(arm);
        string rsisim = ReportFormat.Speedup(arm.RsiSimSpeedup)
            + (arm.RsiSimLow is { } low && arm.RsiSimHigh is { } high ? " " + ReportFormat.Interval(low, high) : " (the reference)");
        return
        [
            arm.Arm, ReportFormat.Count(arm.Trial), arm.CandidateHash, rsisim,
            arm.CertifiedSpeedup is { } certified ? ReportFormat.Speedup(certified) : "–",
            arm.Difference is { } difference ? ReportFormat.Percent(difference) : "–",
            ReportFormat.Agreement(arm),
        ];
    }

    public static IReadOnlyList<string> ArmCells(ArmStatistics arm)
    {
        ArgumentNullException.ThrowIfNull(arm);
        return
        [
            arm.Arm, arm.Agent, ReportFormat.Count(arm.Trials), ReportFormat.Speedup(arm.AverageBest), ReportFormat.Speedup(arm.MedianBest),
            ReportFormat.Speedup(arm.MaxBest), ReportFormat.Interval(arm.CiLow, arm.CiHigh), ReportFormat.Ratio(arm.ValidAttempts, arm.Attempts),
            .. arm.Milestones.Select(ReportFormat.Milestone), ReportFormat.Count(arm.Tokens), ReportFormat.Money(arm.Cost),
        ];
    }

    public static IReadOnlyList<string> PairCells(PairwiseComparison pair, Comparison comparison)
    {
        ArgumentNullException.ThrowIfNull(pair);
        ArgumentNullException.ThrowIfNull(comparison);
        int TrialsOf(string arm) => comparison.Statistics.First(s => s.Arm == arm).Trials;
        return
        [
            pair.A, pair.B, ReportFormat.Probability(pair.ProbabilityABeatsB), ReportFormat.Probability(1 - pair.ProbabilityABeatsB),
            ReportFormat.PValue(pair.PValue) + (pair.Exact ? " (exact)" : ""), $"{TrialsOf(pair.A)} vs {TrialsOf(pair.B)}",
        ];
    }
}
