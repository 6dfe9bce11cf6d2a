using System.Collections.Concurrent;

namespace RsiSim.Evaluation.Running;

/// <summary>Runs the reference once per (task, size, seed) and hands every later session that result: the
/// measurement of a landscape, where many candidates are measured on the same seeds.</summary>
/// <remarks>
/// The reference is deterministic, so its output on a seed is the same every time; its time is a sample of this
/// process's reference runs instead of a run interleaved with each candidate. That trades the drift cancelling of
/// interleaving for measuring a landscape at the cost of the candidates alone: at the standard size the reference
/// takes seconds, and most candidates a fraction of that. Only the landscape cache measures this way
/// (docs/architecture.md); <c>rsisim eval</c> and live runs interleave.
/// </remarks>
public sealed class SharedBaselineRunner(ICandidateRunner inner) : ICandidateRunner
{
    private readonly ConcurrentDictionary<(string Task, string Size, ulong Seed), TimedRun> _baselines = new();

    /// <summary>How many reference runs this runner has actually made.</summary>
    public int BaselineRuns => _baselineRuns;

    private int _baselineRuns;

    public async ValueTask<SessionOpening> OpenAsync(SessionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var opening = await inner.OpenAsync(request, cancellationToken).ConfigureAwait(false);
        return opening.Session is null ? opening : SessionOpening.Opened(new Session(this, request, opening.Session));
    }

    private sealed class Session(SharedBaselineRunner owner, SessionRequest request, IRunSession inner) : IRunSession
    {
        public async ValueTask<TimedRun> RunAsync(RunSide side, ulong seed, TimeSpan timeout, CancellationToken cancellationToken)
        {
            if (side == RunSide.Candidate)
            {
                return await inner.RunAsync(side, seed, timeout, cancellationToken).ConfigureAwait(false);
            }
            var key = (request.Task.Id, request.Size, seed);
            if (owner._baselines.TryGetValue(key, out var known))
            {
                return known;
            }
            var run = await inner.RunAsync(side, seed, timeout, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref owner._baselineRuns);
            if (run.Succeeded)
            {
                owner._baselines[key] = run;
            }
            return run;
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
