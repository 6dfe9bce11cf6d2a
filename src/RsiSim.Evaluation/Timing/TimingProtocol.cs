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
        var schedule = new Schedule(session, Runs(hiddenSeed));
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
        ulong bootstrapSeed = SplitMix64.Derive(hiddenSeed, "bootstrap");
        for (int r = 0; r < options.Repetitions || (r < options.RepetitionsAtMost && !IsPrecise(baselineSeconds, candidateSeconds, bootstrapSeed)); r++)
        {
            if (r >= options.Repetitions)
            {
                schedule.Add(TimedPair(hiddenSeed, r));
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

        double speedup = Statistics.Median(baselineSeconds) / Statistics.Median(candidateSeconds);
        var (low, high) = Bootstrap.RatioOfMedians(baselineSeconds, candidateSeconds, bootstrapSeed);
        var timing = new SpeedupMeasurement(speedup, low, high, [.. baselineSeconds], [.. candidateSeconds]);
        string added = candidateSeconds.Count <= options.Repetitions ? ""
            : options.IsPrecise(speedup, low, high) ? string.Create(CultureInfo.InvariantCulture, $", {candidateSeconds.Count} timed pairs")
            : string.Create(CultureInfo.InvariantCulture, $", {candidateSeconds.Count} timed pairs, the most allowed, and still wider than ±{options.Precision:0.#%}");
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"passed {checks.Results.Count} checks on {options.WarmupRuns + candidateSeconds.Count} runs; speedup {timing} (candidate {timing.CandidateMedian * 1000:0.0} ms, reference {timing.BaselineMedian * 1000:0.0} ms{added})");
        return new EvaluationResult(EvaluationStatus.Passed, summary, [.. checks.Results], [], timing, printed);
    }

    /// <summary>The seeds of an evaluation's runs on <paramref name="hiddenSeed"/>, each once, in the order their runs come:
    /// the warm-up seeds, then the timed ones.</summary>
    public IReadOnlyList<ulong> Seeds(ulong hiddenSeed)
    {
        var seeds = new List<ulong>();
        foreach (var (_, seed) in Runs(hiddenSeed))
        {
            if (seeds.Count == 0 || seeds[^1] != seed)
            {
                seeds.Add(seed);
            }
        }
        return seeds;
    }

    /// <summary>Every run of an evaluation in order, while all pass: warm-up pairs, then timed pairs (the reference first,
    /// or in alternating order). Pairs added for precision come after these, one at a time (<see cref="TimedPair"/>).</summary>
    private IEnumerable<(RunSide Side, ulong Seed)> Runs(ulong hiddenSeed)
    {
        for (int w = 0; w < options.WarmupRuns; w++)
        {
            ulong seed = WarmupSeed(hiddenSeed, w);
            yield return (RunSide.Baseline, seed);
            yield return (RunSide.Candidate, seed);
        }
        for (int r = 0; r < options.Repetitions; r++)
        {
            foreach (var run in TimedPair(hiddenSeed, r))
            {
                yield return run;
            }
        }
    }

    /// <summary>The two runs of timed pair <paramref name="repetition"/> (from 0), in the order they run.</summary>
    private (RunSide Side, ulong Seed)[] TimedPair(ulong hiddenSeed, int repetition)
    {
        ulong seed = TimedSeed(hiddenSeed, repetition);
        return BaselineFirst(repetition) ? [(RunSide.Baseline, seed), (RunSide.Candidate, seed)] : [(RunSide.Candidate, seed), (RunSide.Baseline, seed)];
    }

    // Whether the pairs so far give a speedup precise enough to add no more; the interval is the one the result reports.
    private bool IsPrecise(List<double> baselineSeconds, List<double> candidateSeconds, ulong bootstrapSeed)
    {
        double speedup = Statistics.Median(baselineSeconds) / Statistics.Median(candidateSeconds);
        var (low, high) = Bootstrap.RatioOfMedians(baselineSeconds, candidateSeconds, bootstrapSeed);
        return options.IsPrecise(speedup, low, high);
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
    private sealed class Schedule(IRunSession session, IEnumerable<(RunSide Side, ulong Seed)> runs)
    {
        private readonly List<(RunSide Side, ulong Seed)> _runs = [.. runs];
        private int _next;

        /// <summary>Adds runs after the last. The first of them is not named to the session ahead: it was decided on after
        /// the run before it had ended.</summary>
        public void Add(IEnumerable<(RunSide Side, ulong Seed)> runs) => _runs.AddRange(runs);

        public ValueTask<TimedRun> RunAsync(RunSide side, ulong seed, TimeSpan timeout, Action<RunOutput>? whileSettling, CancellationToken cancellationToken)
        {
            if (_next >= _runs.Count || _runs[_next] != (side, seed))
            {
                throw new InvalidOperationException($"run {_next + 1} of the schedule is not {side} on seed {seed}");
            }
            _next++;
            if (_next < _runs.Count)
            {
                session.Expect(_runs[_next].Side, _runs[_next].Seed);
            }
            return session.RunAsync(side, seed, timeout, whileSettling, cancellationToken);
        }
    }
}
