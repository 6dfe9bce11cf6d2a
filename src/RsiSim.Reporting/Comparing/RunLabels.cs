using RsiSim.Storage.Reading;

namespace RsiSim.Reporting.Comparing;

/// <summary>Names the runs of a report and their arms: a run by its name, with "-1", "-2", ... when two runs share one.</summary>
internal static class RunLabels
{
    public static List<ReportedRun> Label(IReadOnlyList<StoredRun> runs)
    {
        var shared = runs.GroupBy(r => r.Manifest.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var taken = runs.Select(r => r.Manifest.Name).ToHashSet(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var labelled = new List<ReportedRun>();
        foreach (var run in runs)
        {
            string name = run.Manifest.Name;
            string label = name;
            if (shared.Contains(name))
            {
                // Skip suffixes that are another run's own name, so every label stays unique.
                do
                {
                    seen[name] = seen.GetValueOrDefault(name) + 1;
                    label = $"{name}-{seen[name]}";
                }
                while (taken.Contains(label));
            }
            labelled.Add(new ReportedRun(label, run));
        }
        return labelled;
    }

    public static List<ReportedArm> Arms(IReadOnlyList<ReportedRun> runs)
    {
        bool prefix = runs.Count > 1;
        var arms = new List<ReportedArm>();
        foreach (var run in runs)
        {
            foreach (var arm in run.Run.Manifest.Arms)
            {
                var trials = run.Run.Trials
                    .Where(t => t.Key.Arm == arm.Name)
                    .OrderBy(t => t.Key.Index)
                    .Select(t => new ReportedTrial(t, [.. run.Run.AttemptsOf(t.Key).OrderBy(a => a.Record.Index)]))
                    .ToList();
                arms.Add(new ReportedArm(prefix ? $"{run.Label}/{arm.Name}" : arm.Name, arm.Name, arm.Agent, run, trials));
            }
        }
        return arms;
    }
}
