extern alias worker;

using RsiSim.Core.Candidates;
using RsiSim.Core.Evaluations;
using RsiSim.Evaluation.Sandbox;
using RsiSim.Evaluation.Tests.Adversarial;
using RsiSim.Evaluation.Timing;
using RsiSim.Tasks.TinyLm;
using SettleProbe = worker::RsiSim.Worker.SettleProbe;

namespace RsiSim.Evaluation.Tests.Sandbox;

/// <summary>The settle window may be shorter than 20 ms only where CPU time is kept to the nanosecond, and a short one still
/// catches work left running.</summary>
public sealed class SettleWindowTests
{
    [Theory]
    [InlineData(5, true, 5)]
    [InlineData(5, false, 20)]
    [InlineData(0, true, 1)]
    [InlineData(30, false, 30)]
    [InlineData(60_000, true, 5_000)]
    public void The_worker_watches_at_least_20_ms_where_cpu_time_comes_in_ticks(int requested, bool nanoseconds, int watched) =>
        Assert.Equal(TimeSpan.FromMilliseconds(watched), SettleProbe.Window(requested, nanoseconds));

    [Theory]
    [InlineData(0)]
    [InlineData(5_001)]
    public void A_window_outside_1_ms_to_5_s_is_refused_before_any_worker_starts(int milliseconds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new WorkerCandidateRunner(new SandboxOptions { SettleWindow = TimeSpan.FromMilliseconds(milliseconds) }));

    [Theory]
    [InlineData(1)]
    [InlineData(5_000)]
    public void The_bounds_themselves_are_allowed(int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), new WorkerCandidateRunner(new SandboxOptions { SettleWindow = TimeSpan.FromMilliseconds(milliseconds) }).Options.SettleWindow);

    [Fact]
    public async Task A_2_ms_window_still_ends_a_candidate_that_left_a_thread_computing_as_a_violation()
    {
        await using var evaluator = CandidateEvaluator.Create(new EvaluatorOptions
        {
            Timing = new TimingOptions(WarmupRuns: 1, Repetitions: 3, MinimumRunTimeout: SandboxedEvaluatorFixture.RunTimeout),
            Sandbox = new SandboxOptions { SettleWindow = TimeSpan.FromMilliseconds(2) },
        });

        var result = await evaluator.EvaluateAsync(
            new EvaluationRequest(TinyLmTask.Instance.Id, TinyLmSize.Tiny.Name, SandboxedEvaluatorFixture.Load("background-thread"), 5), TestContext.Current.CancellationToken);

        // Found by its CPU time inside the window when the spinning thread gets a CPU there, else by the thread count,
        // which does not depend on the window: under load (other tests on both cores) the spinner had less than 30% of a
        // CPU in 2 + 8 ms and was found by the count. Either way the short window ends it as a violation.
        Assert.True(result.Status == EvaluationStatus.PolicyViolation, $"{result.Status}: {result.Summary}");
    }

    [Fact]
    public async Task Pool_work_that_ends_on_its_own_moments_after_the_run_without_computing_is_not_a_violation()
    {
        // With the default window (2 ms).
        // A pool thread still marked busy a few milliseconds after the run, as one that served a parallel loop can be
        // under load: here a task that only sleeps 10 ms, queued by every step, so one is always busy when the run returns.
        string lingering = Programs.Reference.Replace(
            "    public double TrainStep(TinyLmBatch batch, double learningRate)\n    {\n",
            "    public double TrainStep(TinyLmBatch batch, double learningRate)\n    {\n        _ = Task.Run(() => Thread.Sleep(10));\n",
            StringComparison.Ordinal);
        Assert.NotEqual(Programs.Reference, lingering);
        await using var evaluator = CandidateEvaluator.Create(new EvaluatorOptions
        {
            Timing = new TimingOptions(WarmupRuns: 1, Repetitions: 3, MinimumRunTimeout: SandboxedEvaluatorFixture.RunTimeout),
        });

        var result = await evaluator.EvaluateAsync(
            new EvaluationRequest(TinyLmTask.Instance.Id, TinyLmSize.Tiny.Name, Candidate.FromSource(lingering), 6), TestContext.Current.CancellationToken);

        Assert.True(result.Status == EvaluationStatus.Passed, $"{result.Status}: {result.Summary}");
    }

    [Fact]
    public async Task Finalizers_that_only_tidy_up_after_the_run_are_not_a_violation()
    {
        // Each run's garbage and its finalizers are dealt with inside the settle window, where a finalizer that computes is
        // a violation (the adversarial finalizer-work): one that only tidies up, as freeing what an object held does,
        // takes microseconds and passes. Here every step leaves such an object behind.
        string tidy = Programs.Reference.Replace(
            "    public double TrainStep(TinyLmBatch batch, double learningRate)\n    {\n",
            "    public double TrainStep(TinyLmBatch batch, double learningRate)\n    {\n        _ = new Tidy();\n",
            StringComparison.Ordinal) + "\ninternal sealed class Tidy\n{\n    private static int s_freed;\n\n    ~Tidy() => s_freed++;\n}\n";
        Assert.Contains("        _ = new Tidy();\n", tidy, StringComparison.Ordinal);
        await using var evaluator = CandidateEvaluator.Create(new EvaluatorOptions
        {
            Timing = new TimingOptions(WarmupRuns: 1, Repetitions: 3, MinimumRunTimeout: SandboxedEvaluatorFixture.RunTimeout),
        });

        var result = await evaluator.EvaluateAsync(
            new EvaluationRequest(TinyLmTask.Instance.Id, TinyLmSize.Tiny.Name, Candidate.FromSource(tidy), 7), TestContext.Current.CancellationToken);

        Assert.True(result.Status == EvaluationStatus.Passed, $"{result.Status}: {result.Summary}");
    }
}
