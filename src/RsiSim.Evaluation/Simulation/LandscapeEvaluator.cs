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
/// new best's confirmation) is a new draw on its own seed, never a live run: simulating is the point. A candidate
/// measured live is handed back as a draw too, so a run takes the same path with a cold or a warm landscape.
/// </remarks>
public sealed class LandscapeEvaluator(IEvaluator live, IEvaluationCache landscape, string machineId) : IEvaluator
{
    private readonly ConcurrentDictionary<EvaluationKey, Lazy<Task<Recording>>> _known = new();
    private long _liveMeasurements;

    /// <summary>How many candidates this evaluator had to measure live because the landscape did not have them.</summary>
    public long LiveMeasurements => Interlocked.Read(ref _liveMeasurements);

    public async ValueTask<EvaluationResult> EvaluateAsync(EvaluationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = new EvaluationKey(request.TaskId, request.Size, request.Candidate.Hash, machineId);
        // One recording per candidate, even when parallel trials ask for it at once: every trial draws from the same
        // distribution, the one a later warm run will find.
        var recording = _known.GetOrAdd(key, k => new Lazy<Task<Recording>>(() => RecordAsync(k, request, cancellationToken)));
        Recording recorded;
        try
        {
            recorded = await recording.Value.ConfigureAwait(false);
        }
        catch
        {
            _known.TryRemove(new KeyValuePair<EvaluationKey, Lazy<Task<Recording>>>(key, recording));
            throw;
        }
        // The run sees a draw, live or not: a scenario takes the same path with a cold or a warm landscape.
        var draw = Draw(recorded.Evaluation, request.HiddenSeed);
        return recorded.Live ? draw with { FromCache = false } : draw;
    }

    private sealed record Recording(EvaluationResult Evaluation, bool Live);

    private async Task<Recording> RecordAsync(EvaluationKey key, EvaluationRequest request, CancellationToken cancellationToken)
    {
        if (landscape.TryGet(key, out var known))
        {
            return new Recording(known, Live: false);
        }
        Interlocked.Increment(ref _liveMeasurements);
        var measured = await live.EvaluateAsync(request with { Fresh = false }, cancellationToken).ConfigureAwait(false);
        landscape.Store(key, measured);
        return new Recording(measured, Live: true);
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
