using RsiSim.Core.Candidates;
using RsiSim.Reporting.Curves;
using RsiSim.Reporting.Lineages;
using RsiSim.Reporting.Stats;
using RsiSim.Reporting.Warnings;
using RsiSim.Storage.Reading;

namespace RsiSim.Reporting.Comparing;

/// <summary>Turns loaded runs into a <see cref="Comparison"/>; pure, so the same runs and options give the same report.</summary>
public static class ComparisonBuilder
{
    public static Comparison Build(IReadOnlyList<StoredRun> runs, ComparisonOptions options)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(options);
        if (runs.Count == 0)
        {
            throw new ArgumentException("a comparison needs at least one run", nameof(runs));
        }
        var reported = RunLabels.Label(runs);
        var arms = RunLabels.Arms(reported);
        var statistics = arms.Select(a => ArmStatisticsCalculator.Compute(a, options.BootstrapSeed, options.BootstrapResamples)).ToList();
        var axes = Order(CurveAxes.Recorded(arms), options.PrimaryAxis ?? CurveAxis.Attempts);
        return new Comparison(
            reported,
            arms,
            statistics,
            ArmStatisticsCalculator.Pairs(statistics),
            axes,
            [.. axes.SelectMany(axis => arms.Select(arm => ArmCurveBuilder.Build(arm, axis)))],
            [.. arms.SelectMany(arm => LineageBuilder.Build(arm, SourcesOf(arm.Run, options)))],
            ComparisonWarnings.For(reported, arms, statistics));
    }

    private static List<CurveAxis> Order(IReadOnlyList<CurveAxis> recorded, CurveAxis primary) =>
        [.. recorded.Where(a => a == primary), .. recorded.Where(a => a != primary)];

    /// <summary>A candidate's source by hash: from the run, or the task's reference source, which runs do not store.</summary>
    private static Func<string, string?> SourcesOf(ReportedRun run, ComparisonOptions options)
    {
        string? reference = options.Tasks?.Find(run.Run.Manifest.TaskId)?.ReferenceSource;
        string? referenceHash = reference is null ? null : Candidate.HashOf(reference);
        return hash => run.Run.Candidates.TryGetValue(hash, out var candidate) ? candidate.Source : hash == referenceHash ? reference : null;
    }
}
