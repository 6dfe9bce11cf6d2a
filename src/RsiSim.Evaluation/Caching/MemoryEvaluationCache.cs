using RsiSim.Core.Evaluations;
using System.Collections.Concurrent;

namespace RsiSim.Evaluation.Caching;

/// <summary>An evaluation cache that lives as long as the process.</summary>
public sealed class MemoryEvaluationCache : IEvaluationCache
{
    private readonly ConcurrentDictionary<EvaluationKey, EvaluationResult> _entries = new();

    public bool TryGet(EvaluationKey key, out EvaluationResult evaluation) => _entries.TryGetValue(key, out evaluation!);

    public void Store(EvaluationKey key, EvaluationResult evaluation) => _entries[key] = evaluation;
}
