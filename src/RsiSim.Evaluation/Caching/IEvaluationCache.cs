using RsiSim.Core.Evaluations;

namespace RsiSim.Evaluation.Caching;

/// <summary>Keeps evaluations so that the same source is not timed twice unless asked.</summary>
public interface IEvaluationCache
{
    bool TryGet(EvaluationKey key, out EvaluationResult evaluation);

    void Store(EvaluationKey key, EvaluationResult evaluation);
}
