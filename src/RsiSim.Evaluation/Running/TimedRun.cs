using RsiSim.Core.Evaluations;
using RsiSim.Tasks.Harness;

namespace RsiSim.Evaluation.Running;

/// <summary>One run's output and the seconds its timed region took, or how it failed.</summary>
public sealed record TimedRun(RunOutput? Output, double Seconds, EvaluationStatus? Failure, string Detail, string CapturedOutput = "")
{
    public bool Succeeded => Failure is null;

    public static TimedRun Failed(EvaluationStatus status, string detail, string capturedOutput = "") => new(null, 0, status, detail, capturedOutput);
}
