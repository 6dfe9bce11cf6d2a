using RsiSim.Contracts.TinyLm;
using RsiSim.Core.Evaluations;
using RsiSim.Tasks.Harness;

namespace RsiSim.Tasks.TinyLm;

/// <summary>The fixed correctness checks of tinylm: a candidate's run against the reference's run on the same hidden seed.</summary>
/// <remarks>
/// Tolerances were set by measurement (see docs/tinylm-checks.md): float32 arithmetic and reordered sums stay
/// well inside them; fewer steps, a wrong gradient or a dropped bias update land far outside.
/// </remarks>
public static class TinyLmChecks
{
    /// <summary>Largest allowed relative difference of the training loss at any checkpoint.</summary>
    public const double CheckpointTolerance = 1e-5;

    /// <summary>Largest allowed relative difference of the harness's held-out loss.</summary>
    public const double HeldOutTolerance = 1e-5;

    /// <param name="referenceLoss">The reference's held-out loss where it is already known; by default scored here.</param>
    public static IReadOnlyList<CheckResult> Run(TinyLmSize size, TinyLmBatch heldOut, RunOutput candidate, RunOutput reference, Func<RunOutput, double>? referenceLoss = null)
    {
        ArgumentNullException.ThrowIfNull(size);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(reference);
        var config = size.Config;
        var options = new TrainingCheckOptions(
            config.Steps,
            [
                (TinyLmHarness.TensorNames[0], config.InputSize * config.Hidden),
                (TinyLmHarness.TensorNames[1], config.Hidden),
                (TinyLmHarness.TensorNames[2], config.Hidden * config.Vocabulary),
                (TinyLmHarness.TensorNames[3], config.Vocabulary),
            ],
            size.CheckpointSteps(),
            CheckpointTolerance,
            HeldOutTolerance);
        return TrainingChecks.All(options, candidate, reference, run => HeldOutLoss(size, heldOut, run), referenceLoss);
    }

    /// <summary>The harness's loss of a run's final weights on the held-out samples.</summary>
    public static double HeldOutLoss(TinyLmSize size, TinyLmBatch heldOut, RunOutput run)
    {
        ArgumentNullException.ThrowIfNull(size);
        ArgumentNullException.ThrowIfNull(run);
        return TinyLmScorer.Loss(size.Config, ToWeights(run), heldOut);
    }

    private static TinyLmWeights ToWeights(RunOutput output) => new(
        output.Tensors[TinyLmHarness.TensorNames[0]],
        output.Tensors[TinyLmHarness.TensorNames[1]],
        output.Tensors[TinyLmHarness.TensorNames[2]],
        output.Tensors[TinyLmHarness.TensorNames[3]]);
}
