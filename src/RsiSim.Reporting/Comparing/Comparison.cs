using RsiSim.Reporting.Curves;
using RsiSim.Reporting.Lineages;
using RsiSim.Reporting.Stats;

namespace RsiSim.Reporting.Comparing;

/// <summary>Everything a report shows about one or more runs: runs, arms, statistics, curves, lineages and warnings.</summary>
/// <param name="Runs">The runs, labelled.</param>
/// <param name="Arms">Every arm of every run, in run then scenario order.</param>
/// <param name="Statistics">One summary per arm, in the same order.</param>
/// <param name="Pairs">Every pair of arms, the earlier one as A.</param>
/// <param name="Axes">The axes the runs recorded, the primary one first.</param>
/// <param name="Curves">One curve per axis and arm.</param>
/// <param name="Lineages">Every trial's accepted improvements.</param>
/// <param name="Warnings">What a reader must know before trusting the comparison.</param>
public sealed record Comparison(
    IReadOnlyList<ReportedRun> Runs,
    IReadOnlyList<ReportedArm> Arms,
    IReadOnlyList<ArmStatistics> Statistics,
    IReadOnlyList<PairwiseComparison> Pairs,
    IReadOnlyList<CurveAxis> Axes,
    IReadOnlyList<ArmCurve> Curves,
    IReadOnlyList<TrialLineage> Lineages,
    IReadOnlyList<string> Warnings)
{
    /// <summary>True when no arm has a single valid attempt: every speedup in the report is 1x.</summary>
    public bool NothingValid => Statistics.All(s => s.ValidAttempts == 0);

    public IEnumerable<ArmCurve> CurvesOn(CurveAxis axis) => Curves.Where(c => c.Axis == axis);
}
