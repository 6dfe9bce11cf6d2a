using Microsoft.Extensions.Logging.Abstractions;
using RsiSim.Core.Arms;
using RsiSim.Core.Budgets;
using RsiSim.Core.Candidates;
using RsiSim.Core.Options;
using RsiSim.Core.Runs;
using RsiSim.Core.Trials;
using RsiSim.Storage.Reading;
using RsiSim.Storage.Tests.Support;

namespace RsiSim.Storage.Tests.Trials;

/// <summary>The store and the real trial loop together: a trial killed mid-way and resumed from its folder ends as if never killed.</summary>
public sealed class ResumedTrialTests : RunFolderTest
{
    private static readonly ArmDefinition Arm = new("walk", "walk", OptionValues.Empty);

    private static readonly Scenario Scenario = new()
    {
        Name = "walk", TaskId = "walk", Size = "small", Seed = 42, Trials = 1, Budget = new Budget(Attempts: 12), Arms = [Arm],
    };

    private Task<SqliteRunStore> CreateStoreAsync() =>
        SqliteRunStore.CreateAsync(NewFolder().Directory, RunManifest.From(Scenario, "name: walk\n", "test machine", "test", "0"), Time, Ct);

    private static Task<TrialOutcome> RunTrialAsync(SqliteRunStore store, WalkAgent agent, TrialState? from, CancellationToken cancellationToken)
    {
        var loop = new TrialLoop(new WalkEvaluator(), store, TimeProvider.System, NullLogger.Instance);
        var setup = new TrialSetup(Scenario, new WalkTask(), Arm, 0, ExperimentRunner.TrialSeed(Scenario.Seed, 0), agent, _ => null);
        return loop.RunAsync(setup, from, cancellationToken);
    }

    [Fact]
    public async Task A_trial_killed_after_four_attempts_and_resumed_ends_with_the_attempts_of_an_uninterrupted_trial()
    {
        // Given the same trial run once without interruption
        string whole;
        await using (var store = await CreateStoreAsync())
        {
            whole = store.Directory;
            await RunTrialAsync(store, new WalkAgent(), null, Ct);
        }

        // and once killed while proposing its fifth attempt, then resumed from what its folder holds
        string killed;
        using var kill = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        await using (var store = await CreateStoreAsync())
        {
            killed = store.Directory;
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunTrialAsync(store, new WalkAgent(kill, killAt: 5), null, kill.Token));
        }
        var resume = (await RunStoreReader.LoadAsync(killed, Ct)).BuildResumePoint(Candidate.FromSource(new WalkTask().ReferenceSource));
        await using (var store = await SqliteRunStore.OpenAsync(killed, Time, Ct))
        {
            await RunTrialAsync(store, new WalkAgent(), resume.Trials[new TrialKey("walk", 0)], Ct);
        }

        // Then both have the same twelve attempts: nothing lost, nothing counted twice, the random stream continued
        var expected = await RunStoreReader.LoadAsync(whole, Ct);
        var actual = await RunStoreReader.LoadAsync(killed, Ct);
        Assert.Equal(12, actual.Attempts.Count);
        Assert.Contains(actual.Attempts, a => a.Record.Status == Core.Attempts.AttemptStatus.Improved && a.Record.Index > 4);
        for (int i = 0; i < 12; i++)
        {
            var (e, a) = (expected.Attempts[i], actual.Attempts[i]);
            StoredAssert.Same(e.Record with { Spent = e.Record.Spent with { Wall = TimeSpan.Zero } }, a.Record with { Spent = a.Record.Spent with { Wall = TimeSpan.Zero } });
            Assert.Equal(e.RandomState, a.RandomState);
        }
        Assert.Equal(4, Assert.Single(actual.Resumes).AttemptsRecorded);
        var trial = Assert.Single(actual.Trials);
        Assert.Equal((true, 1, expected.Trials[0].BestHash), (trial.Finished, trial.Resumes, trial.BestHash));
    }
}
