namespace RsiSim.Core.Evaluations;

/// <summary>Compiles, checks, runs and times candidates. Expected failures come back as statuses, never as exceptions.</summary>
public interface IEvaluator
{
    ValueTask<EvaluationResult> EvaluateAsync(EvaluationRequest request, CancellationToken cancellationToken);
}
