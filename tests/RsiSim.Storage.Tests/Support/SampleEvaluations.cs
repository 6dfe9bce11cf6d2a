using RsiSim.Core.Attempts;
using RsiSim.Core.Evaluations;

namespace RsiSim.Storage.Tests.Support;

/// <summary>An evaluation of each kind an attempt can end with, with distinct values in every field.</summary>
internal static class SampleEvaluations
{
    public static (EvaluationResult? Evaluation, double? Speedup) For(AttemptStatus status, int index, double best)
    {
        switch (status)
        {
            case AttemptStatus.Improved or AttemptStatus.NotFaster:
                double speedup = status == AttemptStatus.Improved ? best * 1.5 + 0.01 * index : best * 0.9;
                var timing = new SpeedupMeasurement(
                    speedup, speedup * 0.95, speedup * 1.05, [1.0 + 0.01 * index, 1.02, 0.99], [1 / speedup, 1.01 / speedup, 0.98 / speedup, 1 / speedup]);
                var passed = new EvaluationResult(EvaluationStatus.Passed, $"{speedup:0.00}x", [Check("held-out-loss", true), Check("weights-finite", true)], [], timing, "trained\n")
                {
                    FromCache = status == AttemptStatus.NotFaster,
                };
                return (passed, speedup);
            case AttemptStatus.CompileError:
                return (EvaluationResult.Failed(EvaluationStatus.CompileError, "(3,5): CS1002: ; expected", [new CompileDiagnostic(3, 5, "CS1002", "; expected"), new CompileDiagnostic(9, 1, "CS0103", "name 'x' does not exist")]), null);
            case AttemptStatus.WrongResult:
                return (EvaluationResult.Failed(EvaluationStatus.WrongResult, "held-out-loss off by 31%", checks: [Check("held-out-loss", false), Check("weights-finite", true)], output: "step 1\nstep 2 \"quoted\" <tag>\n"), null);
            default:
                return (null, null);
        }
    }

    private static CheckResult Check(string name, bool passed) =>
        new(name, passed, passed ? 0.001 : 0.31, passed ? null : 0.02, passed ? "within tolerance" : "held-out loss 31% above the reference");
}
