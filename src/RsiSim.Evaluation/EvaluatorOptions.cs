using RsiSim.Evaluation.Sandbox;
using RsiSim.Evaluation.Timing;

namespace RsiSim.Evaluation;

/// <summary>How <see cref="CandidateEvaluator.Create"/> puts an evaluator together.</summary>
public sealed record EvaluatorOptions
{
    /// <summary>Warm-up, repetitions, and the run timeout as a multiple of the reference's time.</summary>
    public TimingOptions Timing { get; init; } = new();

    /// <summary>The worker processes' memory cap, output limit and paths.</summary>
    public SandboxOptions Sandbox { get; init; } = new();

    /// <summary>Run candidates in this process, without isolation: only for trusted code, in benchmarks and tests.</summary>
    public bool InProcess { get; init; }
}
