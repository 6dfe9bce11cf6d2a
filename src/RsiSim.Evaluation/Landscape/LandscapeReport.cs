using RsiSim.Core.Evaluations;

namespace RsiSim.Evaluation.Landscape;

/// <summary>A task's measured landscape at one size on this machine: every move, the expert composition and the human-expert set.</summary>
public sealed record LandscapeReport(string TaskId, string Size, EvaluationResult Expert, EvaluationResult? HumanExpert, IReadOnlyList<LandscapeEntry> Entries);
