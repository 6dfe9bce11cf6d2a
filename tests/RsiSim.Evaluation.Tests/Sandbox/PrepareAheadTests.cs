using RsiSim.Evaluation.Running;
using RsiSim.Evaluation.Sandbox;
using RsiSim.Tasks.Harness;
using RsiSim.Tasks.TinyLm;

namespace RsiSim.Evaluation.Tests.Sandbox;

/// <summary>While one worker hands back its run, the other prepares the same seed ahead; a run never sees the difference.</summary>
public sealed class PrepareAheadTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static SessionRequest Request => new(TinyLmTask.Instance, TinyLmSize.Tiny.Name, Programs.Image(Programs.Reference), Programs.Image(Programs.Reference));

    private static async Task<WorkerSession> OpenAsync()
    {
        var opening = await new WorkerCandidateRunner().OpenAsync(Request, Cancellation);
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
    public async Task The_second_run_of_a_pair_finds_its_data_prepared_ahead_and_returns_what_a_run_prepared_on_demand_returns()
    {
        await using var session = await OpenAsync();

        var reference = await session.RunAsync(RunSide.Baseline, 7, Timeout, Cancellation);
        var candidate = await session.RunAsync(RunSide.Candidate, 7, Timeout, Cancellation);

        Assert.Equal(1, session.PreparedAhead);
        var expected = await InProcessAsync(7);
        AssertSame(expected, reference);
        AssertSame(expected, candidate);
    }

    [Fact]
    public async Task A_run_on_another_seed_than_the_one_prepared_ahead_is_prepared_again_for_its_own_seed()
    {
        await using var session = await OpenAsync();

        await session.RunAsync(RunSide.Baseline, 7, Timeout, Cancellation);
        var candidate = await session.RunAsync(RunSide.Candidate, 8, Timeout, Cancellation);
        var reference = await session.RunAsync(RunSide.Baseline, 9, Timeout, Cancellation);

        Assert.Equal(0, session.PreparedAhead);
        AssertSame(await InProcessAsync(8), candidate);
        AssertSame(await InProcessAsync(9), reference);
    }

    [Fact]
    public async Task A_side_that_already_ran_a_seed_is_not_prepared_for_it_again()
    {
        await using var session = await OpenAsync();

        await session.RunAsync(RunSide.Baseline, 7, Timeout, Cancellation);
        await session.RunAsync(RunSide.Candidate, 7, Timeout, Cancellation);
        var again = await session.RunAsync(RunSide.Candidate, 7, Timeout, Cancellation);

        Assert.Equal(1, session.PreparedAhead);
        AssertSame(await InProcessAsync(7), again);
    }

    [Fact]
    public async Task A_session_closed_while_a_run_is_prepared_ahead_stops_both_workers()
    {
        var session = await OpenAsync();
        await session.RunAsync(RunSide.Baseline, 7, Timeout, Cancellation);

        await session.DisposeAsync();

        Assert.Empty(ChildProcesses.OfThisProcess());
    }
}
