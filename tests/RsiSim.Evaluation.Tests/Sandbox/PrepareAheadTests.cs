using RsiSim.Evaluation.Running;
using RsiSim.Evaluation.Sandbox;
using RsiSim.Evaluation.Timing;
using RsiSim.Tasks.Harness;
using RsiSim.Tasks.TinyLm;

namespace RsiSim.Evaluation.Tests.Sandbox;

/// <summary>While one worker hands back its run, the next run's data is drawn ahead; a run never sees the difference.</summary>
public sealed class PrepareAheadTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static SessionRequest Request => new(TinyLmTask.Instance, TinyLmSize.Tiny.Name, Programs.Image(Programs.Reference), Programs.Image(Programs.Reference));

    private static async Task<WorkerSession> OpenAsync()
    {
        await using var runner = new WorkerCandidateRunner();
        var opening = await runner.OpenAsync(Request, Cancellation);
        Assert.True(opening.Session is not null, opening.Detail);
        return Assert.IsType<WorkerSession>(opening.Session);
    }

    private static async Task<RunOutput> InProcessAsync(ulong seed)
    {
        await using var session = (await new InProcessCandidateRunner().OpenAsync(Request, Cancellation)).Session!;
        var run = await session.RunAsync(RunSide.Candidate, seed, Timeout, Cancellation);
        return run.Output!;
    }

    private static void AssertSame(RunOutput expected, TimedRun actual)
    {
        Assert.True(actual.Succeeded, actual.Detail);
        Assert.Equal(expected.StepLosses, actual.Output!.StepLosses);
        foreach (var (name, tensor) in expected.Tensors)
        {
            Assert.Equal(tensor, actual.Output.Tensors[name]);
        }
    }

    [Fact]
    public async Task The_second_run_of_a_pair_named_ahead_finds_its_data_prepared_and_returns_what_a_run_prepared_on_demand_returns()
    {
        await using var session = await OpenAsync();

        session.Expect(RunSide.Candidate, 7);
        var reference = await session.RunAsync(RunSide.Baseline, 7, Timeout, Cancellation);
        var candidate = await session.RunAsync(RunSide.Candidate, 7, Timeout, Cancellation);

        Assert.Equal(1, session.PreparedAhead);
        var expected = await InProcessAsync(7);
        AssertSame(expected, reference);
        AssertSame(expected, candidate);
    }

    [Fact]
    public async Task Without_a_run_named_nothing_is_prepared_ahead_and_each_run_is_prepared_for_its_own_seed()
    {
        await using var session = await OpenAsync();

        await session.RunAsync(RunSide.Baseline, 7, Timeout, Cancellation);
        var candidate = await session.RunAsync(RunSide.Candidate, 7, Timeout, Cancellation);
        var again = await session.RunAsync(RunSide.Candidate, 8, Timeout, Cancellation);

        Assert.Equal(0, session.PreparedAhead);
        AssertSame(await InProcessAsync(7), candidate);
        AssertSame(await InProcessAsync(8), again);
    }

    [Fact]
    public async Task The_run_named_by_expect_is_prepared_ahead_on_the_other_worker_or_on_the_same_one_once_it_settled()
    {
        await using var session = await OpenAsync();

        session.Expect(RunSide.Candidate, 8);
        await session.RunAsync(RunSide.Baseline, 7, Timeout, Cancellation);
        session.Expect(RunSide.Candidate, 9);
        var other = await session.RunAsync(RunSide.Candidate, 8, Timeout, Cancellation);
        var same = await session.RunAsync(RunSide.Candidate, 9, Timeout, Cancellation);

        Assert.Equal(2, session.PreparedAhead);
        AssertSame(await InProcessAsync(8), other);
        AssertSame(await InProcessAsync(9), same);
    }

    [Fact]
    public async Task A_run_other_than_the_one_expected_is_prepared_for_its_own_seed()
    {
        await using var session = await OpenAsync();

        session.Expect(RunSide.Candidate, 8);
        await session.RunAsync(RunSide.Baseline, 7, Timeout, Cancellation);
        var candidate = await session.RunAsync(RunSide.Candidate, 9, Timeout, Cancellation);

        Assert.Equal(0, session.PreparedAhead);
        AssertSame(await InProcessAsync(9), candidate);
    }

    [Fact]
    public async Task In_a_whole_evaluation_every_run_but_the_first_finds_its_data_prepared_ahead()
    {
        await using var session = await OpenAsync();
        var protocol = new TimingProtocol(new TimingOptions(WarmupRuns: 1, Repetitions: 5));

        var result = await protocol.MeasureAsync(session, (seed, candidate, reference) => TinyLmTask.Instance.Harness.Check(TinyLmSize.Tiny.Name, seed, candidate, reference), 5, Cancellation);

        Assert.Equal(RsiSim.Core.Evaluations.EvaluationStatus.Passed, result.Status);
        Assert.Equal(11, session.PreparedAhead);
    }

    [Fact]
    public async Task In_an_evaluation_that_adds_pairs_the_added_runs_find_their_data_prepared_ahead_too()
    {
        await using var session = await OpenAsync();
        // A precision no interval meets: every pair up to the most is added
        var protocol = new TimingProtocol(new TimingOptions(WarmupRuns: 1, Repetitions: 2, MostRepetitions: 4, Precision: 0));

        var result = await protocol.MeasureAsync(session, (seed, candidate, reference) => TinyLmTask.Instance.Harness.Check(TinyLmSize.Tiny.Name, seed, candidate, reference), 5, Cancellation);

        Assert.Equal(RsiSim.Core.Evaluations.EvaluationStatus.Passed, result.Status);
        Assert.Equal(4, result.Timing!.CandidateSeconds.Length);
        Assert.Equal(9, session.PreparedAhead);
    }

    [Fact]
    public async Task The_reference_run_prepared_for_a_pair_that_was_not_added_is_dropped_and_the_kept_worker_serves_the_next_evaluation()
    {
        await using var runner = new WorkerCandidateRunner();
        // Any interval is precise enough: no pair is added, though the run of a third was named ahead
        var protocol = new TimingProtocol(new TimingOptions(WarmupRuns: 1, Repetitions: 2, MostRepetitions: 4, Precision: 100));
        TimingProtocol.Checker check = (seed, candidate, reference) => TinyLmTask.Instance.Harness.Check(TinyLmSize.Tiny.Name, seed, candidate, reference);

        var first = (WorkerSession)(await runner.OpenAsync(Request, Cancellation)).Session!;
        var firstResult = await protocol.MeasureAsync(first, check, 5, Cancellation);
        int reference = first.ProcessIds.Baseline;
        await first.DisposeAsync();
        var second = (WorkerSession)(await runner.OpenAsync(Request, Cancellation)).Session!;
        await using var _ = second;
        var secondResult = await protocol.MeasureAsync(second, check, 6, Cancellation);

        Assert.Equal(2, firstResult.Timing!.CandidateSeconds.Length);
        Assert.Equal(RsiSim.Core.Evaluations.EvaluationStatus.Passed, secondResult.Status);
        Assert.Equal(reference, second.ProcessIds.Baseline);
        Assert.Equal(1, runner.ReferenceWorkersReused);
    }

    [Fact]
    public async Task A_session_closed_while_a_run_is_prepared_ahead_stops_both_workers()
    {
        var session = await OpenAsync();
        session.Expect(RunSide.Candidate, 7);
        await session.RunAsync(RunSide.Baseline, 7, Timeout, Cancellation);

        await session.DisposeAsync();

        Assert.Empty(ChildProcesses.OfThisProcess());
    }
}
