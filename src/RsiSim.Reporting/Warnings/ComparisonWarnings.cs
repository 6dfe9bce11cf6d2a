using RsiSim.Reporting.Comparing;
using RsiSim.Reporting.Stats;
using RsiSim.Storage.Certifications;

namespace RsiSim.Reporting.Warnings;

/// <summary>What a reader must know before trusting a comparison: different sizes, different reference times, nothing valid, certifications that disagree, unfinished trials.</summary>
internal static class ComparisonWarnings
{
    /// <summary>Reference times that differ by more than this share of the smaller one make speedups incomparable.</summary>
    public const double ReferenceTolerance = 0.20;

    public static List<string> For(IReadOnlyList<ReportedRun> runs, IReadOnlyList<ReportedArm> arms, IReadOnlyList<ArmStatistics> statistics)
    {
        var warnings = new List<string>();
        var sizes = runs.GroupBy(r => $"{r.Run.Manifest.TaskId}/{r.Run.Manifest.Size}", StringComparer.Ordinal).ToList();
        if (sizes.Count > 1)
        {
            warnings.Add("The runs use different tasks or task sizes (" + string.Join("; ", sizes.Select(g => $"{g.Key}: {Labels(g)}"))
                + "). A speedup depends on the size: compare runs of one size.");
        }
        foreach (var size in sizes.Where(g => g.Count() > 1))
        {
            warnings.AddRange(ReferenceTimes(size.Key, [.. size]));
        }
        foreach (var arm in statistics)
        {
            warnings.AddRange(ArmWarnings(arm));
        }
        foreach (var run in runs)
        {
            warnings.AddRange(Certification(run, arms));
        }
        foreach (var run in runs)
        {
            var trials = arms.Where(a => a.Run == run).SelectMany(a => a.Trials).ToList();
            int unfinished = trials.Count(t => !t.Trial.Finished);
            if (unfinished > 0)
            {
                warnings.Add($"{run.Label}: {unfinished} of {trials.Count} trials are unfinished (interrupted, or still running); their bests so far are counted.");
            }
        }
        return warnings;
    }

    private static IEnumerable<string> ReferenceTimes(string size, List<ReportedRun> runs)
    {
        foreach (var run in runs.Where(r => r.ReferenceSeconds is null))
        {
            yield return $"{run.Label} has no timed repetition, so its reference time cannot be compared with the other {size} runs'.";
        }
        var timed = runs.Where(r => r.ReferenceSeconds is not null).ToList();
        if (timed.Count < 2)
        {
            yield break;
        }
        double fastest = timed.Min(r => r.ReferenceSeconds!.Value);
        double slowest = timed.Max(r => r.ReferenceSeconds!.Value);
        if (slowest > fastest * (1 + ReferenceTolerance))
        {
            string machines = timed.Select(r => r.Run.Manifest.MachineId).Distinct(StringComparer.Ordinal).Count() > 1 ? "different machines" : "one machine";
            yield return $"Reference times differ by {(slowest / fastest - 1) * 100:0}% ({string.Join(", ", timed.Select(r => $"{r.Label}: {ReportFormat.Seconds(r.ReferenceSeconds!.Value)}"))}; "
                + $"median of the reference's timed repetitions, {size}, {machines}). Speedups measured against references this far apart may not be comparable.";
        }
    }

    private static IEnumerable<string> ArmWarnings(ArmStatistics arm)
    {
        if (arm.Trials == 0)
        {
            yield return $"{arm.Arm} has no trial recorded.";
        }
        else if (arm.ValidAttempts == 0)
        {
            yield return $"{arm.Arm}: no valid attempt in {arm.Attempts} attempts; every best speedup is 1x, the reference's.";
        }
    }

    private static IEnumerable<string> Certification(ReportedRun run, IReadOnlyList<ReportedArm> arms)
    {
        foreach (var arm in run.Run.LatestCertification?.Arms ?? [])
        {
            string name = arms.FirstOrDefault(a => a.Run == run && a.Name == arm.Arm)?.Label ?? arm.Arm;
            if (arm.Agrees == false)
            {
                yield return $"{name}: the certified speedup {ReportFormat.Speedup(arm.CertifiedSpeedup!.Value)} and RsiSim's {ReportFormat.Speedup(arm.RsiSimSpeedup)} "
                    + $"differ by {ReportFormat.Percent(arm.Difference!.Value)}, more than {CertifiedArm.AgreementTolerance * 100:0}%: one of the two was measured "
                    + "under other conditions (machine load, a lucky session); trust neither alone.";
            }
            else if (arm.Agrees is null)
            {
                yield return $"{name}: its best candidate {arm.CandidateHash} was not certified ({arm.Status}: {arm.Detail}).";
            }
        }
    }

    private static string Labels(IEnumerable<ReportedRun> runs) => string.Join(", ", runs.Select(r => r.Label));
}
