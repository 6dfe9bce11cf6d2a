namespace RsiSim.Evaluation.Caching;

/// <summary>What makes two evaluations the same: task, size, candidate text and the machine that timed it.</summary>
public sealed record EvaluationKey(string TaskId, string Size, string CandidateHash, string Machine);
