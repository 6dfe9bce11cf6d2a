using RsiSim.Core.Candidates;
using RsiSim.Core.Evaluations;

namespace RsiSim.Core.Agents;

/// <summary>A trial's best valid candidate, its confirmed speedup and the evaluation that measured it.</summary>
public sealed record BestCandidate(Candidate Candidate, double Speedup, EvaluationResult? Evaluation);
