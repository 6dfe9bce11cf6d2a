using RsiSim.Reporting.Comparing;

namespace RsiSim.Reporting.Export;

/// <summary>A trial with the run and arm it belongs to: one row of trials.csv.</summary>
public sealed record TrialRow(ReportedRun Run, ReportedArm Arm, ReportedTrial Trial);
