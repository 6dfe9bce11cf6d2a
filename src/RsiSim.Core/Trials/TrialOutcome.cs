namespace RsiSim.Core.Trials;

/// <summary>How a trial ended: which budget ran out (or that the agent finished), its best and its attempts.</summary>
public sealed record TrialOutcome(TrialKey Trial, string StopReason, double BestSpeedup, string BestHash, int Attempts);
