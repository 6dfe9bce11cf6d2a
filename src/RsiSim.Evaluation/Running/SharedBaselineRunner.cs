using System.Collections.Concurrent;
using RsiSim.Core.Evaluations;
using RsiSim.Tasks.Harness;

namespace RsiSim.Evaluation.Running;

/// <summary>Shares the reference's runs between the candidates of a landscape: its output per seed is kept for the
/// checks, and its time is re-measured at most once a minute instead of beside every candidate.</summary>
/// <remarks>
/// The reference is deterministic, so its output on a seed is the same every time. Its time is not: on a shared
/// machine load drifts, and a reference timed once at the start would make every later candidate look faster or
/// slower than it is. So the first timed reference run of an evaluation is a real one whenever the newest real timing
/// is older than <see cref="MaxAge"/> (or fewer than <see cref="Enough"/> are known), and every other reference run
/// an evaluation gets carries the median of the last <see cref="Window"/> real timings: one reference run slowed by a
/// burst of load (15 s instead of 7 at the standard size, seen here) does not make the next minute's candidates look
/// twice as fast. That trades the pairwise drift
/// cancelling of interleaving for measuring a landscape at roughly the cost of its candidates: at the standard size
/// the reference takes seconds, most candidates a fraction of that. Only the landscape cache measures this way
/// (docs/architecture.md); <c>rsisim eval</c> and live runs interleave.
/// </remarks>
/// <param name="inner">The runner that makes the real runs.</param>
/// <param name="time">The clock that says when timings are stale.</param>
/// <param name="warmupRuns">How many reference runs open each evaluation as its warm-up (the timing protocol's
/// <see cref="Timing.TimingOptions.WarmupRuns"/>): they are never recorded as timings.</param>
public sealed class SharedBaselineRunner(ICandidateRunner inner, TimeProvider? time = null, int warmupRuns = 1) : ICandidateRunner
{
    /// <summary>How many recent real reference timings the reference's time is the median of.</summary>
    public const int Window = 5;

    /// <summary>How many real reference timings there must be before an evaluation uses them instead of timing its own.</summary>
    public const int Enough = 3;

    /// <summary>How old the newest real reference timing may be before an evaluation times the reference again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly int _warmupRuns = warmupRuns;
    private readonly ConcurrentDictionary<(string Task, string Size, ulong Seed), TimedRun> _outputs = new();
    private readonly ConcurrentDictionary<(string Task, string Size), Timings> _timings = new();
    private int _baselineRuns;

    /// <summary>How many reference runs this runner has actually made.</summary>
    public int BaselineRuns => _baselineRuns;

    public async ValueTask<SessionOpening> OpenAsync(SessionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var opening = await inner.OpenAsync(request, cancellationToken).ConfigureAwait(false);
        return opening.Session is null ? opening : SessionOpening.Opened(new Session(this, request, opening.Session));
    }

    public ValueTask<IAsyncDisposable?> StartAheadAsync(CancellationToken cancellationToken) => inner.StartAheadAsync(cancellationToken);

    public bool TakesInputs => inner.TakesInputs;

    private sealed class Timings
    {
        private readonly Lock _gate = new();
        private readonly Queue<double> _recent = new();
        private long _newest = long.MinValue;

        public bool Stale(TimeProvider time)
        {
            lock (_gate)
            {
                return _recent.Count < Enough || time.GetElapsedTime(_newest) > MaxAge;
            }
        }

        public void Add(double seconds, TimeProvider time)
        {
            lock (_gate)
            {
                _recent.Enqueue(seconds);
                if (_recent.Count > Window)
                {
                    _recent.Dequeue();
                }
                _newest = time.GetTimestamp();
            }
        }

        public double Median()
        {
            lock (_gate)
            {
                return Statistics.Median(_recent);
            }
        }
    }

    private sealed class Session(SharedBaselineRunner owner, SessionRequest request, IRunSession inner) : IRunSession
    {
        private int _served;
        private bool _refresh;
        private bool _timed;
        private (RunSide Side, ulong Seed)? _expected;

        // Held, and passed on just before a run the inner session really makes: a hint passed on before a reference
        // run served from the recorded outputs would reach the inner session one run early and name the wrong run.
        public void Expect(RunSide side, ulong seed) => _expected = (side, seed);

        public ValueTask<TimedRun> RunAsync(RunSide side, ulong seed, TimeSpan timeout, CancellationToken cancellationToken) =>
            RunAsync(side, seed, timeout, null, cancellationToken);

        public async ValueTask<TimedRun> RunAsync(RunSide side, ulong seed, TimeSpan timeout, Action<RunOutput>? whileSettling, CancellationToken cancellationToken)
        {
            var expected = _expected;
            _expected = null;
            if (side == RunSide.Candidate)
            {
                PassOn(expected);
                return await inner.RunAsync(side, seed, timeout, whileSettling, cancellationToken).ConfigureAwait(false);
            }
            var timings = owner._timings.GetOrAdd((request.Task.Id, request.Size), _ => new Timings());
            var key = (request.Task.Id, request.Size, seed);
            // The first reference runs of an evaluation are its warm-up. When the timings have gone stale they run for real,
            // warming this session's reference worker, and so does the first timed run after them, which is recorded.
            int index = _served++;
            bool warmup = index < owner._warmupRuns;
            if (index == 0)
            {
                _refresh = timings.Stale(owner._time);
            }
            bool real = !owner._outputs.TryGetValue(key, out var output) || (_refresh && (warmup || !_timed));
            if (!real)
            {
                whileSettling?.Invoke(output!.Output!);
                return output! with { Seconds = timings.Median() };
            }
            PassOn(expected);
            var run = await inner.RunAsync(side, seed, timeout, whileSettling, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref owner._baselineRuns);
            if (run.Succeeded)
            {
                owner._outputs[key] = run;
                if (!warmup)
                {
                    timings.Add(run.Seconds, owner._time);
                    _timed = true;
                }
            }
            return run;
        }

        // Only a run that will reach the workers is worth preparing: a candidate run, or a reference run not recorded
        // yet or about to be timed again (a guess; one that misses costs one preparation).
        private void PassOn((RunSide Side, ulong Seed)? expected)
        {
            if (expected is { } next
                && (next.Side == RunSide.Candidate || !owner._outputs.ContainsKey((request.Task.Id, request.Size, next.Seed)) || (_refresh && !_timed)))
            {
                inner.Expect(next.Side, next.Seed);
            }
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
