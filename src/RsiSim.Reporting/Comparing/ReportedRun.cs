using RsiSim.Core.Evaluations;
using RsiSim.Storage.Reading;

namespace RsiSim.Reporting.Comparing;

/// <summary>One run in a report: its label (the prefix of its arms' names when several runs are compared) and what it holds.</summary>
/// <param name="Label">The run's name, or its name with "-1", "-2", ... when runs with the same name are compared.</param>
/// <param name="Run">Everything the run folder holds.</param>
public sealed record ReportedRun(string Label, StoredRun Run)
{
    public string Folder => Path.GetFileName(Path.TrimEndingDirectorySeparator(Run.Directory));

    /// <summary>Median of every timed repetition of the reference in the run, in seconds; null when nothing was timed.</summary>
    public double? ReferenceSeconds
    {
        get
        {
            var baseline = Run.Measurements.Where(m => m.Side == "baseline").Select(m => m.Seconds).ToList();
            return baseline.Count == 0 ? null : Statistics.Median(baseline);
        }
    }

    public bool Resumed => Run.Resumes.Count > 0;
}
