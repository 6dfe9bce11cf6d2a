using RsiSim.Core.Evaluations;
using RsiSim.Worker.Protocol;

namespace RsiSim.Evaluation.Sandbox;

/// <summary>The worker's answer to a request, or the status the request ended in when there was no answer.</summary>
internal readonly record struct WorkerReply(WorkerMessage? Message, EvaluationStatus? Failure, string Detail, string Output = "")
{
    public static WorkerReply Of(WorkerMessage message) => message is ErrorMessage error
        ? new(message, WorkerStatus.Parse(error.Status), error.Detail, error.Output)
        : new(message, null, "");

    public static WorkerReply Failed(EvaluationStatus status, string detail) => new(null, status, detail);

    public bool Succeeded => Failure is null;
}
