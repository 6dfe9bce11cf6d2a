using System.Globalization;
using RsiSim.Core.Evaluations;

namespace RsiSim.Storage.Tests.Trials;

/// <summary>Judges a variant by its number alone, so two runs of the same trial agree: multiples of 5 are wrong, others are as fast as their number says.</summary>
internal sealed class WalkEvaluator : IEvaluator
{
    public ValueTask<EvaluationResult> EvaluateAsync(EvaluationRequest request, CancellationToken cancellationToken)
    {
        int variant = int.Parse(request.Candidate.Source["// variant ".Length..].Trim(), CultureInfo.InvariantCulture);
        if (variant % 5 == 0)
        {
            return ValueTask.FromResult(EvaluationResult.Failed(EvaluationStatus.WrongResult, "held-out-loss off", checks: [new CheckResult("held-out-loss", false, 0.3, 0.02, "off")]));
        }
        double speedup = 1 + variant / 100.0;
        var timing = new SpeedupMeasurement(speedup, speedup * 0.97, speedup * 1.03, [1.0, 1.01], [1 / speedup, 1.01 / speedup]);
        return ValueTask.FromResult(new EvaluationResult(EvaluationStatus.Passed, $"{speedup}x", [new CheckResult("held-out-loss", true, 0.001, 0.02, "ok")], [], timing));
    }
}
