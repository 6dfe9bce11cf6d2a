namespace RsiSim.Core.Runs;

/// <summary>How the loop decides what counts as an improvement, and how attempt costs compound.</summary>
/// <param name="MinimumGain">A candidate must beat the best by this fraction, in its first and its confirming measurement.</param>
/// <param name="Compounding">Alpha of the compounding loop: simulated cost is divided by best^alpha.</param>
public sealed record LoopOptions(double MinimumGain = 0.02, double Compounding = 0);
