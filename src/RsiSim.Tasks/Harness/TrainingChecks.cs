using RsiSim.Core.Evaluations;

namespace RsiSim.Tasks.Harness;

/// <summary>The checks every training task shares: output shapes, finiteness, the loss at checkpoints and a held-out loss.</summary>
public static class TrainingChecks
{
    /// <summary>Every check in order; the loss checks only when the output has its shapes and is finite.</summary>
    /// <param name="heldOutLoss">The harness's own loss of a run's final weights on the held-out data.</param>
    /// <param name="referenceLoss">The reference's held-out loss where the harness already knows it
    /// (<see cref="ReferenceScores"/>); by default <paramref name="heldOutLoss"/> of the reference.</param>
    public static IReadOnlyList<CheckResult> All(
        TrainingCheckOptions options, RunOutput candidate, RunOutput reference, Func<RunOutput, double> heldOutLoss, Func<RunOutput, double>? referenceLoss = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(heldOutLoss);
        var shapes = Shapes(candidate, options.Steps, options.Tensors);
        var finite = Finite(candidate);
        if (!shapes.Passed || !finite.Passed)
        {
            return [shapes, finite];
        }
        // The two scorings are independent and nothing is timed while checks run: one on each core. GetResult
        // rethrows what the scoring threw, as the plain call would.
        var candidateScoring = Task.Run(() => heldOutLoss(candidate));
        double referenceScore = (referenceLoss ?? heldOutLoss)(reference);
        double candidateLoss = candidateScoring.GetAwaiter().GetResult();
        return
        [
            shapes,
            finite,
            CheckpointLoss(options.Checkpoints, candidate, reference, options.CheckpointTolerance),
            HeldOutLoss(candidateLoss, referenceScore, options.HeldOutTolerance),
        ];
    }

    /// <summary>One loss per step and every named tensor with its expected number of values.</summary>
    public static CheckResult Shapes(RunOutput output, int steps, IReadOnlyList<(string Name, int Length)> tensors)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(tensors);
        if (output.StepLosses.Length != steps)
        {
            return new CheckResult("shapes", false, null, null, $"reported {output.StepLosses.Length} step losses, expected {steps}");
        }
        foreach (var (name, length) in tensors)
        {
            if (!output.Tensors.TryGetValue(name, out var tensor) || tensor is null)
            {
                return new CheckResult("shapes", false, null, null, $"{name} is missing");
            }
            if (tensor.Length != length)
            {
                return new CheckResult("shapes", false, null, null, $"{name} has {tensor.Length} values, expected {length}");
            }
        }
        return new CheckResult("shapes", true, null, null, "every weight has its shape");
    }

    public static CheckResult Finite(RunOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
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

    /// <summary>The worst relative difference of the reported training loss over <paramref name="checkpoints"/>.</summary>
    public static CheckResult CheckpointLoss(IReadOnlyList<int> checkpoints, RunOutput candidate, RunOutput reference, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(checkpoints);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(reference);
        double worst = 0;
        int worstStep = 0;
        foreach (int step in checkpoints)
        {
            double difference = RelativeDifference(candidate.StepLosses[step], reference.StepLosses[step]);
            if (difference > worst)
            {
                worst = difference;
                worstStep = step;
            }
        }
        string detail = $"training loss at step {worstStep + 1}: {candidate.StepLosses[worstStep]:0.######} vs reference {reference.StepLosses[worstStep]:0.######} (relative difference {worst:0.###e+0}, limit {tolerance:0.###e+0})";
        return new CheckResult("checkpoint-loss", worst <= tolerance, worst, tolerance, detail);
    }

    /// <summary>The harness's own held-out loss of the candidate's final weights against the reference's.</summary>
    public static CheckResult HeldOutLoss(double candidate, double reference, double tolerance)
    {
        double difference = RelativeDifference(candidate, reference);
        string detail = $"held-out loss {candidate:0.######} vs reference {reference:0.######} (relative difference {difference:0.###e+0}, limit {tolerance:0.###e+0})";
        return new CheckResult("held-out-loss", difference <= tolerance, difference, tolerance, detail);
    }

    public static double RelativeDifference(double value, double expected) =>
        double.IsFinite(value) ? Math.Abs(value - expected) / Math.Abs(expected) : double.PositiveInfinity;
}
