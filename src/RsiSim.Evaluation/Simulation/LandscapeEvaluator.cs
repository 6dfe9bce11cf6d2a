using System.Collections.Concurrent;
using RsiSim.Core.Evaluations;
using RsiSim.Core.Randomness;
using RsiSim.Evaluation.Caching;

namespace RsiSim.Evaluation.Simulation;

/// <summary>Cached measurement: a candidate this machine has measured before gets a timing drawn from its recorded
/// distribution, and no candidate code runs; a candidate never seen is measured live once and kept.</summary>
/// <remarks>
/// A draw resamples the recorded reference and candidate times (as many as were recorded, with replacement) and
/// takes the ratio of their medians: a fresh draw of what the live protocol would have measured. A fresh request (a
/// new best's confirmation) is a new draw on its own seed, never a live run: simulating is the point.
/// </remarks>
public sealed class LandscapeEvaluator(IEvaluator live, IEvaluationCache landscape, string machineId) : IEvaluator
{
    private readonly ConcurrentDictionary<EvaluationKey, EvaluationResult> _known = new();
    private long _liveMeasurements;

    /// <summary>How many candidates this evaluator had to measure live because the landscape did not have them.</summary>
    public long LiveMeasurements => Interlocked.Read(ref _liveMeasurements);

    public async ValueTask<EvaluationResult> EvaluateAsync(EvaluationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = new EvaluationKey(request.TaskId, request.Size, request.Candidate.Hash, machineId);
        if (_known.TryGetValue(key, out var known) || landscape.TryGet(key, out known))
        {
            _known[key] = known;
            return Draw(known, request.HiddenSeed);
        }
        Interlocked.Increment(ref _liveMeasurements);
        var measured = await live.EvaluateAsync(request with { Fresh = false }, cancellationToken).ConfigureAwait(false);
        landscape.Store(key, measured);
        _known[key] = measured;
        return measured;
    }

    /// <summary>One draw from a recorded evaluation's timing distribution.</summary>
    public static EvaluationResult Draw(EvaluationResult recorded, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        if (recorded.Status != EvaluationStatus.Passed || recorded.Timing is not { } timing)
        {
            return recorded.FromCache ? recorded : recorded with { FromCache = true };
        }
        var random = new SplitMix64(seed);
        double baseline = ResampledMedian(timing.BaselineSeconds.AsSpan(), random);
        double candidate = ResampledMedian(timing.CandidateSeconds.AsSpan(), random);
        return recorded with { Timing = timing with { Speedup = baseline / candidate }, FromCache = true };
    }

    private static double ResampledMedian(ReadOnlySpan<double> samples, SplitMix64 random)
    {
        Span<double> draw = samples.Length <= 64 ? stackalloc double[samples.Length] : new double[samples.Length];
        for (int i = 0; i < draw.Length; i++)
        {
            draw[i] = samples[random.NextInt(samples.Length)];
        }
        draw.Sort();
        int mid = draw.Length / 2;
        return draw.Length % 2 == 1 ? draw[mid] : (draw[mid - 1] + draw[mid]) / 2;
    }
}
