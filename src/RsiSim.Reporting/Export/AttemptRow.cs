using RsiSim.Reporting.Comparing;
using RsiSim.Storage.Reading;

namespace RsiSim.Reporting.Export;

/// <summary>An attempt with the run and arm it belongs to: one row of attempts.csv.</summary>
public sealed record AttemptRow(ReportedRun Run, ReportedArm Arm, StoredAttempt Attempt);
