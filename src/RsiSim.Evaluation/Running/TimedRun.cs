using RsiSim.Core.Evaluations;
using RsiSim.Tasks.Harness;

namespace RsiSim.Evaluation.Running;

/// <summary>One run's output and the seconds its timed region took, or how it failed.</summary>
public sealed record TimedRun(RunOutput? Output, double Seconds, EvaluationStatus? Failure, string Detail, string CapturedOutput = "")
{
    public bool Succeeded => Failure is null;

    /// <summary>The process that ran it died or was killed (timed out, crashed, killed from outside): a fault of that process, not an answer of the program.</summary>
    public bool WorkerLost { get; init; }

    public static TimedRun Failed(EvaluationStatus status, string detail, string capturedOutput = "") => new(null, 0, status, detail, capturedOutput);
}
