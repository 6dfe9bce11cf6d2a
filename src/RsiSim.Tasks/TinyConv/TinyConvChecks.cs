using RsiSim.Contracts.TinyConv;
using RsiSim.Core.Evaluations;
using RsiSim.Tasks.Harness;

namespace RsiSim.Tasks.TinyConv;

/// <summary>The fixed correctness checks of tinyconv: a candidate's run against the reference's run on the same hidden seed.</summary>
/// <remarks>
/// Tolerances were set by measurement (see docs/tinyconv.md): float32 arithmetic and reordered sums stay well
/// inside them; a convolution window one short, a dropped bias gradient or a lost race land far outside.
/// </remarks>
public static class TinyConvChecks
{
    /// <summary>Largest allowed relative difference of the training loss at any checkpoint.</summary>
    public const double CheckpointTolerance = 1e-6;

    /// <summary>Largest allowed relative difference of the harness's held-out loss.</summary>
    public const double HeldOutTolerance = 1e-6;

    /// <param name="referenceLoss">The reference's held-out loss where it is already known; by default scored here.</param>
    public static IReadOnlyList<CheckResult> Run(TinyConvSize size, TinyConvBatch heldOut, RunOutput candidate, RunOutput reference, Func<RunOutput, double>? referenceLoss = null)
    {
        ArgumentNullException.ThrowIfNull(size);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(reference);
        var config = size.Config;
        var options = new TrainingCheckOptions(
            config.Steps,
            [
                (TinyConvHarness.TensorNames[0], config.Filters * config.Width),
                (TinyConvHarness.TensorNames[1], config.Filters),
                (TinyConvHarness.TensorNames[2], config.Filters * config.Classes),
                (TinyConvHarness.TensorNames[3], config.Classes),
            ],
            size.CheckpointSteps(),
            CheckpointTolerance,
            HeldOutTolerance);
        return TrainingChecks.All(options, candidate, reference, run => HeldOutLoss(size, heldOut, run), referenceLoss);
    }

    /// <summary>The harness's loss of a run's final weights on the held-out samples.</summary>
    public static double HeldOutLoss(TinyConvSize size, TinyConvBatch heldOut, RunOutput run)
    {
        ArgumentNullException.ThrowIfNull(size);
        ArgumentNullException.ThrowIfNull(run);
        return TinyConvScorer.Loss(size.Config, TinyConvHarness.ToWeights(run), heldOut);
    }
}
