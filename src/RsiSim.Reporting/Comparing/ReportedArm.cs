namespace RsiSim.Reporting.Comparing;

/// <summary>One arm of one run, as a report names it.</summary>
/// <param name="Label">The arm's name, prefixed "run/" when several runs are compared.</param>
/// <param name="Name">The arm's name in its scenario.</param>
/// <param name="Agent">The agent kind, e.g. "greedy".</param>
/// <param name="Run">The run the arm belongs to.</param>
/// <param name="Trials">Its trials, by index.</param>
public sealed record ReportedArm(string Label, string Name, string Agent, ReportedRun Run, IReadOnlyList<ReportedTrial> Trials)
{
    public IEnumerable<Storage.Reading.StoredAttempt> Attempts => Trials.SelectMany(t => t.Attempts);
}
