using System.Collections.Immutable;
using RsiSim.Core.Evaluations;
using RsiSim.Evaluation.Caching;
using RsiSim.Evaluation.Running;
using RsiSim.Evaluation.Timing;
using RsiSim.Tasks.Harness;

namespace RsiSim.Evaluation.Tests.Timing;

/// <summary>The protocol against a scripted session: which side runs when, on which seed, and what is checked.</summary>
public sealed class TimingProtocolTests
{
    private const ulong HiddenSeed = 77;

    [Fact]
    public async Task Warm_up_runs_on_seeds_that_no_timed_run_uses_and_every_timed_run_has_its_own_seed()
    {
        var session = new ScriptedSession();

        await Protocol(warmups: 2, repetitions: 6).MeasureAsync(session, (_, _, _) => [Pass], HiddenSeed, TestContext.Current.CancellationToken);

        var warmupSeeds = session.Runs.Take(4).Select(r => r.Seed).Distinct().ToList();
        var timedSeeds = session.Runs.Skip(4).Select(r => r.Seed).Distinct().ToList();
        Assert.Equal(2, warmupSeeds.Count);
        Assert.Equal(6, timedSeeds.Count);
        Assert.Empty(warmupSeeds.Intersect(timedSeeds));
    }

    [Fact]
    public async Task Timed_repetitions_pair_both_sides_on_one_seed_and_every_run_follows_the_other_sides()
    {
        var session = new ScriptedSession();

        await Protocol(warmups: 1, repetitions: 4).MeasureAsync(session, (_, _, _) => [Pass], HiddenSeed, TestContext.Current.CancellationToken);

        var timed = session.Runs.Skip(2).Chunk(2).ToList();
        Assert.All(timed, pair => Assert.Equal(pair[0].Seed, pair[1].Seed));
        Assert.Equal(10, session.Runs.Count);
        Assert.Equal(session.Runs.Select((_, i) => i % 2 == 0 ? RunSide.Baseline : RunSide.Candidate), session.Runs.Select(r => r.Side));
    }

    [Fact]
    public async Task The_landscape_method_alternates_which_side_goes_first()
    {
        var session = new ScriptedSession();

        await new TimingProtocol(LandscapeMethod.Timing(4)).MeasureAsync(session, (_, _, _) => [Pass], HiddenSeed, TestContext.Current.CancellationToken);

        var timed = session.Runs.Skip(2).Chunk(2).ToList();
        Assert.All(timed, pair => Assert.Equal(pair[0].Seed, pair[1].Seed));
        Assert.Equal([RunSide.Baseline, RunSide.Candidate, RunSide.Baseline, RunSide.Candidate], timed.Select(p => p[0].Side));
    }

    [Fact]
    public async Task Every_candidate_run_is_checked_against_the_reference_run_on_its_own_seed()
    {
        var session = new ScriptedSession();
        var checkedSeeds = new List<ulong>();

        await Protocol(warmups: 1, repetitions: 5).MeasureAsync(session, (seed, candidate, reference) =>
        {
            Assert.Equal(seed, ScriptedSession.SeedOf(candidate));
            Assert.Equal(seed, ScriptedSession.SeedOf(reference));
            checkedSeeds.Add(seed);
            return [Pass];
        }, HiddenSeed, TestContext.Current.CancellationToken);

        Assert.Equal(session.Runs.Where(r => r.Side == RunSide.Candidate).Select(r => r.Seed), checkedSeeds);
        Assert.Equal(6, checkedSeeds.Distinct().Count());
    }

    [Fact]
    public async Task A_check_that_fails_on_one_timed_run_makes_the_whole_evaluation_a_wrong_result()
    {
        var session = new ScriptedSession();
        int calls = 0;

        var result = await Protocol(warmups: 1, repetitions: 5).MeasureAsync(session,
            (_, _, _) => [++calls == 4 ? Pass with { Passed = false, Detail = "off" } : Pass], HiddenSeed, TestContext.Current.CancellationToken);

        Assert.Equal(EvaluationStatus.WrongResult, result.Status);
        Assert.Contains("timed run 3", result.Summary, StringComparison.Ordinal);
        Assert.Null(result.Timing);
    }

    [Fact]
    public async Task A_session_that_never_hands_its_output_over_while_settling_still_has_every_pair_checked()
    {
        // A session with the overload that takes the callback, which ignores it
        var session = new ScriptedSession { IgnoreWhileSettling = true };
        int calls = 0;

        var result = await Protocol(warmups: 1, repetitions: 5).MeasureAsync(session,
            (_, _, _) => [++calls == 3 ? Pass with { Passed = false, Detail = "off" } : Pass], HiddenSeed, TestContext.Current.CancellationToken);

        Assert.Equal(EvaluationStatus.WrongResult, result.Status);
        Assert.Contains("timed run 2", result.Summary, StringComparison.Ordinal);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task A_run_that_fails_ends_its_pair_before_the_other_side_runs()
    {
        // The reference's worker lost in the second timed pair, which it opens; the candidate's run of that pair is never made
        var lost = new ScriptedSession { Fail = (index, side) => index == 4 ? TimedRun.Failed(EvaluationStatus.Crash, "killed") with { WorkerLost = true } : null };
        // The candidate failing in a pair it opens (the landscape's alternating order): the reference's run is never made
        var failing = new ScriptedSession { Fail = (index, side) => side == RunSide.Candidate && index == 4 ? TimedRun.Failed(EvaluationStatus.Timeout, "too slow") : null };

        var lostResult = await Protocol(warmups: 1, repetitions: 5).MeasureAsync(lost, (_, _, _) => [Pass], HiddenSeed, TestContext.Current.CancellationToken);
        var failingResult = await new TimingProtocol(LandscapeMethod.Timing(4)).MeasureAsync(failing, (_, _, _) => [Pass], HiddenSeed, TestContext.Current.CancellationToken);

        Assert.Equal(EvaluationStatus.Crash, lostResult.Status);
        Assert.Contains("the reference's worker was lost", lostResult.Summary, StringComparison.Ordinal);
        Assert.Equal(5, lost.Runs.Count);
        Assert.Equal(EvaluationStatus.Timeout, failingResult.Status);
        Assert.Contains("(timed run 2)", failingResult.Summary, StringComparison.Ordinal);
        Assert.Equal([RunSide.Baseline, RunSide.Candidate, RunSide.Baseline, RunSide.Candidate, RunSide.Candidate], failing.Runs.Select(r => r.Side));
    }

    [Fact]
    public async Task Each_pair_is_checked_while_its_second_run_settles()
    {
        var session = new ScriptedSession();
        var checkedDuring = new List<int>();

        await new TimingProtocol(LandscapeMethod.Timing(4)).MeasureAsync(session, (_, _, _) =>
        {
            checkedDuring.Add(session.Settling ?? -1);
            return [Pass];
        }, HiddenSeed, TestContext.Current.CancellationToken);

        // Runs 2, 4, ...: the second of every pair, whichever side it is (this method alternates the order)
        Assert.Equal([1, 3, 5, 7, 9], checkedDuring);
    }

    [Fact]
    public async Task The_reference_run_of_a_pair_it_opens_is_anticipated_while_it_settles_before_the_pair_is_checked()
    {
        var session = new ScriptedSession();
        var events = new List<string>();

        await new TimingProtocol(LandscapeMethod.Timing(4)).MeasureAsync(
            session,
            (seed, _, _) =>
            {
                events.Add($"check {seed}");
                return [Pass];
            },
            (seed, reference) =>
            {
                Assert.Equal(seed, ScriptedSession.SeedOf(reference));
                events.Add($"anticipate {seed} during run {session.Settling}");
            },
            HiddenSeed,
            TestContext.Current.CancellationToken);

        // The warm-up pair and timed pairs 1 and 3 open with the reference (this method alternates the order): each is
        // anticipated while that run settles, before its check; pairs the candidate opens are checked as before
        var expected = session.Runs.Chunk(2).SelectMany(pair => pair[0].Side == RunSide.Baseline
            ? new[] { $"anticipate {pair[0].Seed} during run {session.Runs.IndexOf(pair[0])}", $"check {pair[0].Seed}" }
            : [$"check {pair[0].Seed}"]);
        Assert.Equal(expected, events);
        Assert.Equal(3, events.Count(e => e.StartsWith("anticipate", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_speedup_is_the_ratio_of_medians_with_a_seeded_interval_around_it()
    {
        double[] baseline = [1.0, 1.2, 0.9, 1.1, 5.0];
        double[] candidate = [0.5, 0.4, 0.6, 3.0, 0.5];
        var session = new ScriptedSession(baseline, candidate);

        var first = await Protocol(warmups: 1, repetitions: 5).MeasureAsync(session, (_, _, _) => [Pass], HiddenSeed, TestContext.Current.CancellationToken);
        var again = await Protocol(warmups: 1, repetitions: 5).MeasureAsync(new ScriptedSession(baseline, candidate), (_, _, _) => [Pass], HiddenSeed, TestContext.Current.CancellationToken);

        var timing = first.Timing!;
        Assert.Equal(1.1 / 0.5, timing.Speedup, 12);
        Assert.Equal(baseline, timing.BaselineSeconds);
        Assert.Equal(candidate, timing.CandidateSeconds);
        Assert.InRange(timing.Speedup, timing.Low, timing.High);
        Assert.Equal((timing.Low, timing.High), (again.Timing!.Low, again.Timing.High));
    }

    [Fact]
    public async Task Before_each_run_the_session_is_told_which_run_follows_it()
    {
        var session = new ScriptedSession();

        await Protocol(warmups: 2, repetitions: 3).MeasureAsync(session, (_, _, _) => [Pass], HiddenSeed, TestContext.Current.CancellationToken);

        // What was announced before run i is run i + 1; nothing is announced before the last
        Assert.Equal(10, session.Runs.Count);
        Assert.Equal(session.Runs.Skip(1), session.ExpectedBefore.Take(9).Select(e => e!.Value));
        Assert.Null(session.ExpectedBefore[9]);
    }

    [Fact]
    public async Task Steady_times_take_only_the_least_pairs_when_more_are_allowed()
    {
        var session = new ScriptedSession([.. Enumerable.Repeat(1.0, 20)], [.. Enumerable.Repeat(0.5, 20)]);

        var result = await Adaptive(repetitions: 5, most: 20).MeasureAsync(session, (_, _, _) => [Pass], HiddenSeed, TestContext.Current.CancellationToken);

        Assert.Equal(5, result.Timing!.CandidateSeconds.Length);
        Assert.Equal(2 + 10, session.Runs.Count);
        Assert.Contains("on 6 runs", result.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("timed pairs", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pairs_are_added_while_the_interval_is_wider_than_the_precision_each_on_its_own_seed_and_checked()
    {
        // Five spread reference runs, then steady ones: the interval narrows as the steady pairs come
        double[] baseline = [1.0, 1.4, 0.7, 1.3, 0.8, .. Enumerable.Repeat(1.0, 15)];
        var session = new ScriptedSession(baseline, [.. Enumerable.Repeat(0.5, 20)]);
        var checkedSeeds = new List<ulong>();

        var result = await Adaptive(repetitions: 5, most: 20).MeasureAsync(session, (seed, _, _) =>
        {
            checkedSeeds.Add(seed);
            return [Pass];
        }, HiddenSeed, TestContext.Current.CancellationToken);

        var timing = result.Timing!;
        int pairs = timing.CandidateSeconds.Length;
        Assert.InRange(pairs, 6, 19);
        Assert.Equal(baseline.Take(pairs), timing.BaselineSeconds);
        Assert.True((timing.High - timing.Low) / 2 <= 0.03 * timing.Speedup, $"stopped at {timing}");
        Assert.Equal(2.0, timing.Speedup, 12);
        Assert.Contains($"{pairs} timed pairs)", result.Summary, StringComparison.Ordinal);
        // Every timed pair on a seed of its own, no warm-up seed among them, and every candidate run checked
        var timedSeeds = session.Runs.Skip(2).Select(r => r.Seed).Distinct().ToList();
        Assert.Equal(pairs, timedSeeds.Count);
        Assert.DoesNotContain(session.Runs[0].Seed, timedSeeds);
        Assert.Equal(session.Runs.Where(r => r.Side == RunSide.Candidate).Select(r => r.Seed), checkedSeeds);
        // One pair fewer would not have been precise: the pairs stop at the first precise interval
        var shorter = await Adaptive(repetitions: pairs - 1, most: pairs - 1).MeasureAsync(
            new ScriptedSession(baseline, [.. Enumerable.Repeat(0.5, 20)]), (_, _, _) => [Pass], HiddenSeed, TestContext.Current.CancellationToken);
        Assert.False((shorter.Timing!.High - shorter.Timing.Low) / 2 <= 0.03 * shorter.Timing.Speedup, $"already precise at {shorter.Timing}");
    }

    [Fact]
    public async Task The_run_a_pair_may_add_is_announced_ahead_and_nothing_past_the_most_pairs()
    {
        double[] spread = [1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0];
        var session = new ScriptedSession(spread, [.. Enumerable.Repeat(0.5, 8)]);

        await Adaptive(repetitions: 3, most: 5, warmups: 1).MeasureAsync(session, (_, _, _) => [Pass], HiddenSeed, TestContext.Current.CancellationToken);

        // 1 warm-up and 5 pairs, the last two added: every run was announced before the one ahead of it, as in the first
        // pairs (an added pair's first run prepared while the run before it settled), and nothing after the fifth pair
        Assert.Equal(12, session.Runs.Count);
        Assert.Equal(session.Runs.Skip(1), session.ExpectedBefore.Take(11).Select(e => e!.Value));
        Assert.Null(session.ExpectedBefore[11]);
    }

    [Fact]
    public async Task Where_no_pair_is_added_the_last_run_announced_the_pair_that_might_have_come()
    {
        var session = new ScriptedSession([.. Enumerable.Repeat(1.0, 20)], [.. Enumerable.Repeat(0.5, 20)]);

        await Adaptive(repetitions: 5, most: 20).MeasureAsync(session, (_, _, _) => [Pass], HiddenSeed, TestContext.Current.CancellationToken);

        // A hint only: the reference's run of a sixth pair, on a seed no run used, which the session drops
        var hinted = session.ExpectedBefore[^1]!.Value;
        Assert.Equal(RunSide.Baseline, hinted.Side);
        Assert.DoesNotContain(session.Runs, r => r.Seed == hinted.Seed);
        Assert.Equal(12, session.Runs.Count);
    }

    [Fact]
    public async Task Times_that_stay_spread_stop_at_the_most_pairs_and_the_summary_says_the_interval_is_still_wide()
    {
        double[] spread = [1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0];
        var session = new ScriptedSession(spread, [.. Enumerable.Repeat(0.5, 10)]);

        var result = await Adaptive(repetitions: 5, most: 8).MeasureAsync(session, (_, _, _) => [Pass], HiddenSeed, TestContext.Current.CancellationToken);

        Assert.Equal(8, result.Timing!.CandidateSeconds.Length);
        Assert.Contains("8 timed pairs, the most allowed, and still wider than ±3%", result.Summary, StringComparison.Ordinal);
    }

    private static readonly CheckResult Pass = new("same", true, 0, 1, "ok");

    private static TimingProtocol Protocol(int warmups, int repetitions) => new(new TimingOptions(warmups, repetitions));

    private static TimingProtocol Adaptive(int repetitions, int most, int warmups = 1) =>
        new(new TimingOptions(warmups, repetitions, MostRepetitions: most));

    /// <summary>Records every run; its output carries the seed it ran on, and its times come from a script (timed runs only).</summary>
    private sealed class ScriptedSession(double[]? baseline = null, double[]? candidate = null) : IRunSession
    {
        private int _baselineRuns;
        private int _candidateRuns;
        private (RunSide, ulong)? _expected;

        public List<(RunSide Side, ulong Seed)> Runs { get; } = [];

        /// <summary>For each run, the run announced with <see cref="Expect"/> just before it, if any.</summary>
        public List<(RunSide Side, ulong Seed)?> ExpectedBefore { get; } = [];

        public void Expect(RunSide side, ulong seed) => _expected = (side, seed);

        public static ulong SeedOf(RunOutput output) => BitConverter.DoubleToUInt64Bits(output.Tensors["seed"][0]);

        public ValueTask<TimedRun> RunAsync(RunSide side, ulong seed, TimeSpan timeout, CancellationToken cancellationToken)
        {
            Runs.Add((side, seed));
            ExpectedBefore.Add(_expected);
            _expected = null;
            // The first run of each side is the warm-up in these tests' scripts; timed runs follow.
            int index = side == RunSide.Baseline ? _baselineRuns++ : _candidateRuns++;
            var script = side == RunSide.Baseline ? baseline : candidate;
            double seconds = script is null || index == 0 ? 1.0 : script[index - 1];
            if (Fail?.Invoke(Runs.Count - 1, side) is { } failed)
            {
                return ValueTask.FromResult(failed);
            }
            var output = new RunOutput([1.0], ImmutableDictionary<string, double[]>.Empty.Add("seed", [BitConverter.UInt64BitsToDouble(seed)]));
            return ValueTask.FromResult(new TimedRun(output, seconds, null, ""));
        }

        /// <summary>The failed run to return instead, by the run's index and side; null to run normally.</summary>
        public Func<int, RunSide, TimedRun?>? Fail { get; init; }

        /// <summary>Whether the overload with a callback ignores it, as a session written without it in mind would.</summary>
        public bool IgnoreWhileSettling { get; init; }

        /// <summary>The index of the run whose callback is being called, while it is.</summary>
        public int? Settling { get; private set; }

        public async ValueTask<TimedRun> RunAsync(RunSide side, ulong seed, TimeSpan timeout, Action<RunOutput>? whileSettling, CancellationToken cancellationToken)
        {
            var run = await RunAsync(side, seed, timeout, cancellationToken);
            if (!IgnoreWhileSettling && whileSettling is not null)
            {
                Settling = Runs.Count - 1;
                whileSettling(run.Output!);
                Settling = null;
            }
            return run;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
