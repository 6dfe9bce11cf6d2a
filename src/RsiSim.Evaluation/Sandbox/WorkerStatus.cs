using RsiSim.Core.Evaluations;

namespace RsiSim.Evaluation.Sandbox;

/// <summary>Maps the worker's kebab-case statuses to evaluation statuses; anything unexpected is a crash.</summary>
internal static class WorkerStatus
{
    public static EvaluationStatus Parse(string status) => status switch
    {
        "compile-error" => EvaluationStatus.CompileError,
        "out-of-memory" => EvaluationStatus.OutOfMemory,
        "policy-violation" => EvaluationStatus.PolicyViolation,
        "timeout" => EvaluationStatus.Timeout,
        _ => EvaluationStatus.Crash,
    };
}
