using RsiSim.Core.Evaluations;

namespace RsiSim.Evaluation.Running;

/// <summary>An opened session, or the status and reason it could not open.</summary>
public sealed record SessionOpening(IRunSession? Session, EvaluationStatus? Failure, string Detail)
{
    public static SessionOpening Opened(IRunSession session) => new(session, null, "");

    public static SessionOpening Failed(EvaluationStatus status, string detail) => new(null, status, detail);
}
