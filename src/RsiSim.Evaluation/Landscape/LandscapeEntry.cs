using RsiSim.Core.Evaluations;
using RsiSim.Core.Moves;

namespace RsiSim.Evaluation.Landscape;

/// <summary>One move's measured effect: alone (with its requirements) and as a part of the expert composition.</summary>
/// <param name="Move">The move.</param>
/// <param name="Alone">The evaluation of the reference with the move and its requirements.</param>
/// <param name="WithoutIt">For a move in the expert composition: the evaluation of the expert without it (and without what requires it).</param>
/// <param name="Contribution">Expert speedup over the speedup without the move: how much of the expert it accounts for.</param>
public sealed record LandscapeEntry(Move Move, EvaluationResult Alone, EvaluationResult? WithoutIt, double? Contribution);
