namespace RsiSim.Reporting.Lineages;

/// <summary>A trial's accepted improvements, oldest first: how it got from the reference to its best.</summary>
public sealed record TrialLineage(string Arm, int Trial, double BestSpeedup, IReadOnlyList<LineageStep> Steps);
