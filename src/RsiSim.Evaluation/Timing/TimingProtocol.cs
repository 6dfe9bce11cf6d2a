using System.Collections.Immutable;
using System.Globalization;
using RsiSim.Core.Evaluations;
using RsiSim.Core.Randomness;
using RsiSim.Evaluation.Running;
using RsiSim.Tasks.Harness;

namespace RsiSim.Evaluation.Timing;

/// <summary>Warm-up, then baseline and candidate interleaved on fresh hidden seeds, every candidate run checked.</summary>
/// <remarks>Speedup is the ratio of the medians; its 95% interval comes from a seeded bootstrap. Where
/// <see cref="TimingOptions.MostRepetitions"/> allows, pairs are added after the first <see cref="TimingOptions.Repetitions"/>
/// until that interval is within <see cref="TimingOptions.Precision"/> of the speedup. Every pair runs the
/// reference first (unless <see cref="TimingOptions.AlternateOrder"/>), so every run follows a run of the other program.
/// With the order alternated from pair to pair, each
/// program ran twice in a row every other pair, on one CPU, and a run's time depended on what ran just before it: in one
/// evaluation at <c>small</c> the reference took 461 to 471 ms in the pairs it opened and 483 to 515 ms in those it
/// closed, and each median fell between the two groups (docs/evaluation.md).</remarks>
public sealed class TimingProtocol(TimingOptions options)
{
    public delegate IReadOnlyList<CheckResult> Checker(ulong seed, RunOutput candidate, RunOutput reference);

    /// <summary>The checks' work on a reference run alone (<see cref="ITaskHarness.Anticipate"/>).</summary>
    public delegate void Anticipator(ulong seed, RunOutput reference);

    public TimingOptions Options => options;

    public ValueTask<EvaluationResult> MeasureAsync(IRunSession session, Checker check, ulong hiddenSeed, CancellationToken cancellationToken) =>
        MeasureAsync(session, check, null, hiddenSeed, cancellationToken);

    /// <summary>Measures the candidate against the reference through <paramref name="session"/>.</summary>
    /// <param name="anticipate">Called with the reference's run while it settles, in a pair the reference opens, before
    /// the candidate's run of the pair is made: the checks' work on the reference alone, out of the candidate's settle.</param>
    public async ValueTask<EvaluationResult> MeasureAsync(IRunSession session, Checker check, Anticipator? anticipate, ulong hiddenSeed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        var checks = new CheckAggregate();
        var timeout = options.MinimumTimeout;
        // Every run the evaluation may make, of which those of the first Repetitions pairs are decided; the next possible run
        // is named to the session ahead even before its pair is decided, so that an added pair is prepared as every other.
        var schedule = new Schedule(session, Runs(hiddenSeed, options.RepetitionsAtMost), decided: 2 * (options.WarmupRuns + options.Repetitions));
        for (int w = 0; w < options.WarmupRuns; w++)
        {
            var pair = await RunPairAsync(schedule, WarmupSeed(hiddenSeed, w), baselineFirst: true, timeout, adaptTimeout: true, check, anticipate, cancellationToken).ConfigureAwait(false);
            timeout = pair.Timeout;
            if (pair.Failed(checks.Results) is { } failed)
            {
                return failed;
            }
            checks.Add(pair.Checks!, "warm-up run");
            if (!checks.AllPassed)
            {
                return WrongResult(checks, pair.Candidate!.CapturedOutput);
            }
        }

        var baselineSeconds = new List<double>();
        var candidateSeconds = new List<double>();
        string printed = "";
        var interval = new Interval(SplitMix64.Derive(hiddenSeed, "bootstrap"));
        for (int r = 0; r < options.Repetitions || (r < options.RepetitionsAtMost && !interval.IsPrecise(options, baselineSeconds, candidateSeconds)); r++)
        {
            if (r >= options.Repetitions)
            {
                schedule.DecidePair();
            }
            var pair = await RunPairAsync(schedule, TimedSeed(hiddenSeed, r), BaselineFirst(r), timeout, adaptTimeout: false, check, anticipate, cancellationToken).ConfigureAwait(false);
            if (pair.Failed(checks.Results, $" (timed run {r + 1})") is { } failed)
            {
                return failed;
            }
            printed = pair.Candidate!.CapturedOutput;
            checks.Add(pair.Checks!, $"timed run {r + 1}");
            if (!checks.AllPassed)
            {
                return WrongResult(checks, printed);
            }
            baselineSeconds.Add(pair.Baseline!.Seconds);
            candidateSeconds.Add(pair.Candidate.Seconds);
        }

        var (speedup, low, high) = interval.Of(baselineSeconds, candidateSeconds);
        var timing = new SpeedupMeasurement(speedup, low, high, [.. baselineSeconds], [.. candidateSeconds]);
        string added = candidateSeconds.Count <= options.Repetitions ? ""
            : options.IsPrecise(speedup, low, high) ? string.Create(CultureInfo.InvariantCulture, $", {candidateSeconds.Count} timed pairs")
            : string.Create(CultureInfo.InvariantCulture, $", {candidateSeconds.Count} timed pairs, the most allowed, and still wider than ±{options.Precision:0.#%}");
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"passed {checks.Results.Count} checks on {options.WarmupRuns + candidateSeconds.Count} runs; speedup {timing} (candidate {timing.CandidateMedian * 1000:0.0} ms, reference {timing.BaselineMedian * 1000:0.0} ms{added})");
        return new EvaluationResult(EvaluationStatus.Passed, summary, [.. checks.Results], [], timing, printed);
    }

    /// <summary>The seeds of an evaluation's runs on <paramref name="hiddenSeed"/>, each once, in the order their runs come:
    /// the warm-up seeds, then those of the first <see cref="TimingOptions.Repetitions"/> timed pairs. A pair added for
    /// precision is not among them: its seed's data is drawn as its first run is prepared, while the run before it settles.</summary>
    public IReadOnlyList<ulong> Seeds(ulong hiddenSeed)
    {
        var seeds = new List<ulong>();
        foreach (var (_, seed) in Runs(hiddenSeed, options.Repetitions))
        {
            if (seeds.Count == 0 || seeds[^1] != seed)
            {
                seeds.Add(seed);
            }
        }
        return seeds;
    }

    /// <summary>Every run of an evaluation in order, while all pass: warm-up pairs, then <paramref name="pairs"/> timed pairs
    /// (the reference first, or in alternating order).</summary>
    private IEnumerable<(RunSide Side, ulong Seed)> Runs(ulong hiddenSeed, int pairs)
    {
        for (int w = 0; w < options.WarmupRuns; w++)
        {
            ulong seed = WarmupSeed(hiddenSeed, w);
            yield return (RunSide.Baseline, seed);
            yield return (RunSide.Candidate, seed);
        }
        for (int r = 0; r < pairs; r++)
        {
            ulong seed = TimedSeed(hiddenSeed, r);
            var (first, second) = BaselineFirst(r) ? (RunSide.Baseline, RunSide.Candidate) : (RunSide.Candidate, RunSide.Baseline);
            yield return (first, seed);
            yield return (second, seed);
        }
    }

    /// <summary>The speedup and its seeded bootstrap interval, once per set of timings: the interval that decides whether to
    /// add a pair is the one the result reports.</summary>
    private sealed class Interval(ulong seed)
    {
        private int _pairs = -1;
        private (double Speedup, double Low, double High) _last;

        public (double Speedup, double Low, double High) Of(List<double> baselineSeconds, List<double> candidateSeconds)
        {
            if (_pairs != candidateSeconds.Count)
            {
                var (low, high) = Bootstrap.RatioOfMedians(baselineSeconds, candidateSeconds, seed);
                _last = (Statistics.Median(baselineSeconds) / Statistics.Median(candidateSeconds), low, high);
                _pairs = candidateSeconds.Count;
            }
            return _last;
        }

        public bool IsPrecise(TimingOptions options, List<double> baselineSeconds, List<double> candidateSeconds)
        {
            var (speedup, low, high) = Of(baselineSeconds, candidateSeconds);
            return options.IsPrecise(speedup, low, high);
        }
    }

    /// <summary>One pair of runs on one seed, checked while the second of the two settles (see
    /// <see cref="IRunSession.RunAsync(RunSide, ulong, TimeSpan, Action{RunOutput}, CancellationToken)"/>); a run that fails
    /// ends the pair: the candidate's run is not made once the reference's worker was lost, nor the reference's once the
    /// candidate failed. In a warm-up pair, the reference's time sets the candidate's timeout.</summary>
    private async ValueTask<Pair> RunPairAsync(
        Schedule schedule, ulong seed, bool baselineFirst, TimeSpan timeout, bool adaptTimeout, Checker check, Anticipator? anticipate, CancellationToken cancellationToken)
    {
        IReadOnlyList<CheckResult>? checks = null;
        if (baselineFirst)
        {
            var baseline = await RunBaselineAsync(schedule, seed, timeout, anticipate is null ? null : output => anticipate(seed, output), cancellationToken).ConfigureAwait(false);
            if (!baseline.Succeeded)
            {
                return new Pair(baseline, null, null, timeout);
            }
            if (adaptTimeout)
            {
                timeout = Max(timeout, TimeSpan.FromSeconds(baseline.Seconds * options.RunTimeoutFactor));
            }
            var candidate = await schedule.RunAsync(RunSide.Candidate, seed, timeout, output => checks = check(seed, output, baseline.Output!), cancellationToken).ConfigureAwait(false);
            // A session that never called back (its own RunAsync only) is checked now: no run goes unchecked.
            return new Pair(baseline, candidate, candidate.Succeeded ? checks ?? check(seed, candidate.Output!, baseline.Output!) : null, timeout);
        }
        var first = await schedule.RunAsync(RunSide.Candidate, seed, timeout, null, cancellationToken).ConfigureAwait(false);
        if (!first.Succeeded)
        {
            return new Pair(null, first, null, timeout);
        }
        var second = await RunBaselineAsync(schedule, seed, timeout, output => checks = check(seed, first.Output!, output), cancellationToken).ConfigureAwait(false);
        return new Pair(second, first, second.Succeeded ? checks ?? check(seed, first.Output!, second.Output!) : null, timeout);
    }

    /// <summary>A pair's runs as far as they went, the checks of a pair that ran through, and the timeout after it.</summary>
    private sealed record Pair(TimedRun? Baseline, TimedRun? Candidate, IReadOnlyList<CheckResult>? Checks, TimeSpan Timeout)
    {
        /// <summary>The evaluation's end when a run failed: the candidate's failure, or the reference's worker lost.</summary>
        public EvaluationResult? Failed(IReadOnlyList<CheckResult> checks, string where = "") =>
            Candidate is { Succeeded: false } candidate
                ? EvaluationResult.Failed(candidate.Failure!.Value, candidate.Detail + where, checks: where.Length > 0 ? checks : null, output: candidate.CapturedOutput)
                : Baseline is { Succeeded: false } baseline ? ReferenceLost(baseline) : null;
    }

    private bool BaselineFirst(int repetition) => !options.AlternateOrder || repetition % 2 == 0;

    private static ulong WarmupSeed(ulong hiddenSeed, int warmup) => SplitMix64.Derive(hiddenSeed, "warm-up", warmup);

    private static ulong TimedSeed(ulong hiddenSeed, int repetition) => SplitMix64.Derive(hiddenSeed, "timed", repetition);

    // The reference failing in a live worker is a bug and throws; its worker dying (killed, crashed, out of time) only ends this evaluation.
    private static async ValueTask<TimedRun> RunBaselineAsync(Schedule session, ulong seed, TimeSpan timeout, Action<RunOutput>? whileSettling, CancellationToken cancellationToken)
    {
        var run = await session.RunAsync(RunSide.Baseline, seed, Max(timeout, TimeSpan.FromMinutes(5)), whileSettling, cancellationToken).ConfigureAwait(false);
        return run.Succeeded || run.WorkerLost ? run : throw new InvalidOperationException($"the reference itself failed: {run.Failure}: {run.Detail}");
    }

    private static EvaluationResult ReferenceLost(TimedRun baseline) =>
        EvaluationResult.Failed(EvaluationStatus.Crash, $"the reference's worker was lost ({baseline.Detail}), so the candidate could not be measured");

    private static EvaluationResult WrongResult(CheckAggregate checks, string printed)
    {
        var failure = checks.FirstFailure!;
        return new EvaluationResult(EvaluationStatus.WrongResult, $"check {failure.Name} failed: {failure.Detail}", [.. checks.Results], ImmutableArray<CompileDiagnostic>.Empty, null, printed);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>Runs the evaluation's runs through the session, telling it before each which one follows.</summary>
    /// <remarks>Of the runs it holds, the first <c>decided</c> are sure to come; the rest come a pair at a time as pairs are
    /// added (<see cref="DecidePair"/>). The run after the last decided one is named ahead all the same: the hint costs a
    /// preparation the session drops if the pair is not added, and an added pair's first run is prepared, as every other,
    /// while the run before it settles, rather than after a longer pause.</remarks>
    private sealed class Schedule(IRunSession session, IEnumerable<(RunSide Side, ulong Seed)> runs, int decided)
    {
        private readonly (RunSide Side, ulong Seed)[] _runs = [.. runs];
        private int _decided = decided;
        private int _next;

        /// <summary>Decides the next pair's two runs.</summary>
        public void DecidePair() => _decided = Math.Min(_runs.Length, _decided + 2);

        public ValueTask<TimedRun> RunAsync(RunSide side, ulong seed, TimeSpan timeout, Action<RunOutput>? whileSettling, CancellationToken cancellationToken)
        {
            if (_next >= _decided || _runs[_next] != (side, seed))
            {
                throw new InvalidOperationException($"run {_next + 1} of the schedule is not {side} on seed {seed}");
            }
            _next++;
            if (_next < _runs.Length)
            {
                session.Expect(_runs[_next].Side, _runs[_next].Seed);
            }
            return session.RunAsync(side, seed, timeout, whileSettling, cancellationToken);
        }
    }
}
