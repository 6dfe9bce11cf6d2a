using RsiSim.Core.Evaluations;
using RsiSim.Evaluation.Caching;

namespace RsiSim.Evaluation.Tests.Caching;

public sealed class FileEvaluationCacheTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rsisim-cache-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_timing_taken_by_an_older_measurement_method_is_not_reused()
    {
        var older = new EvaluationKey("tinylm", "small", "abc123", "machine", Method: "m1");
        var current = older with { Method = EvaluationKey.CurrentMethod };
        var evaluation = EvaluationResult.Failed(EvaluationStatus.WrongResult, "recorded by m1");
        new FileEvaluationCache(_folder).Store(older, evaluation);

        // A new cache over the same folder, as the next run would open it.
        var cache = new FileEvaluationCache(_folder);

        Assert.False(cache.TryGet(current, out _));
        Assert.True(cache.TryGet(older, out var found));
        Assert.Equal("recorded by m1", found.Summary);
    }
}
