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

    public static IReadOnlyList<CheckResult> Run(TinyLmSize size, TinyLmBatch heldOut, RunOutput candidate, RunOutput reference)
    {
        ArgumentNullException.ThrowIfNull(size);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(reference);
        var shapes = Shapes(size.Config, candidate);
        var finite = Finite(candidate);
        if (!shapes.Passed || !finite.Passed)
        {
            return [shapes, finite];
        }
        return [shapes, finite, CheckpointLoss(size, candidate, reference), HeldOutLoss(size.Config, heldOut, candidate, reference)];
    }

    private static CheckResult Shapes(TinyLmConfig config, RunOutput output)
    {
        int[] expected = [config.InputSize * config.Hidden, config.Hidden, config.Hidden * config.Vocabulary, config.Vocabulary];
        if (output.StepLosses.Length != config.Steps)
        {
            return new CheckResult("shapes", false, null, null, $"reported {output.StepLosses.Length} step losses, expected {config.Steps}");
        }
        for (int i = 0; i < expected.Length; i++)
        {
            string name = TinyLmHarness.TensorNames[i];
            if (!output.Tensors.TryGetValue(name, out var tensor) || tensor is null)
            {
                return new CheckResult("shapes", false, null, null, $"{name} is missing");
            }
            if (tensor.Length != expected[i])
            {
                return new CheckResult("shapes", false, null, null, $"{name} has {tensor.Length} values, expected {expected[i]}");
            }
        }
        return new CheckResult("shapes", true, null, null, "every weight has its shape");
    }

    private static CheckResult Finite(RunOutput output)
    {
        foreach (var (name, tensor) in output.Tensors)
        {
            int bad = Array.FindIndex(tensor, v => !double.IsFinite(v));
            if (bad >= 0)
            {
                return new CheckResult("finite", false, null, null, $"{name}[{bad}] is {tensor[bad]}");
            }
        }
        int badLoss = output.StepLosses.IndexOf(output.StepLosses.FirstOrDefault(v => !double.IsFinite(v)));
        return output.StepLosses.All(double.IsFinite)
            ? new CheckResult("finite", true, null, null, "every weight and loss is finite")
            : new CheckResult("finite", false, null, null, $"the loss of step {badLoss} is not finite");
    }

    private static CheckResult CheckpointLoss(TinyLmSize size, RunOutput candidate, RunOutput reference)
    {
        double worst = 0;
        int worstStep = 0;
        foreach (int step in size.CheckpointSteps())
        {
            double difference = RelativeDifference(candidate.StepLosses[step], reference.StepLosses[step]);
            if (difference > worst)
            {
                worst = difference;
                worstStep = step;
            }
        }
        bool passed = worst <= CheckpointTolerance;
        string detail = $"training loss at step {worstStep + 1}: {candidate.StepLosses[worstStep]:0.######} vs reference {reference.StepLosses[worstStep]:0.######} (relative difference {worst:0.###e+0}, limit {CheckpointTolerance:0.###e+0})";
        return new CheckResult("checkpoint-loss", passed, worst, CheckpointTolerance, detail);
    }

    private static CheckResult HeldOutLoss(TinyLmConfig config, TinyLmBatch heldOut, RunOutput candidate, RunOutput reference)
    {
        double mine = TinyLmScorer.Loss(config, ToWeights(candidate), heldOut);
        double theirs = TinyLmScorer.Loss(config, ToWeights(reference), heldOut);
        double difference = RelativeDifference(mine, theirs);
        bool passed = difference <= HeldOutTolerance;
        string detail = $"held-out loss {mine:0.######} vs reference {theirs:0.######} (relative difference {difference:0.###e+0}, limit {HeldOutTolerance:0.###e+0})";
        return new CheckResult("held-out-loss", passed, difference, HeldOutTolerance, detail);
    }

    private static double RelativeDifference(double value, double expected) =>
        double.IsFinite(value) ? Math.Abs(value - expected) / Math.Abs(expected) : double.PositiveInfinity;

    private static TinyLmWeights ToWeights(RunOutput output) => new(
        output.Tensors[TinyLmHarness.TensorNames[0]],
        output.Tensors[TinyLmHarness.TensorNames[1]],
        output.Tensors[TinyLmHarness.TensorNames[2]],
        output.Tensors[TinyLmHarness.TensorNames[3]]);
}
