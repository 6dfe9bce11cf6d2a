namespace RsiSim.Reporting.Stats;

/// <summary>How likely arm A's trials beat arm B's, from the Mann-Whitney U statistic of their trial bests.</summary>
/// <param name="A">The first arm's label.</param>
/// <param name="B">The second arm's label.</param>
/// <param name="ProbabilityABeatsB">U / (nA nB): the chance that a random trial of A has a higher best than a random trial of B, ties counting half.</param>
/// <param name="PValue">Two-sided p-value of "A and B do not differ": exact (every split of the pooled bests) for small samples, else the normal approximation with a tie correction; NaN without trials.</param>
/// <param name="Exact">True when <paramref name="PValue"/> was computed exactly.</param>
public sealed record PairwiseComparison(string A, string B, double ProbabilityABeatsB, double PValue, bool Exact);
