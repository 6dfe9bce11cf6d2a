using RsiSim.Core.Attempts;
using RsiSim.Core.Trials;
using RsiSim.Storage.Folders;
using RsiSim.Storage.Reading;
using RsiSim.Storage.Tests.Support;

namespace RsiSim.Storage.Tests.Reading;

public sealed class StoredRunTests : RunFolderTest
{
    // A run killed with one trial finished, one mid-way, one that never improved, and one started without attempts.
    private async Task<(StoredRun Run, SampleTrial Finished, SampleTrial Midway, SampleTrial NeverImproved)> KilledRunAsync()
    {
        var folder = NewFolder();
        await using var store = await SqliteRunStore.CreateAsync(folder.Directory, SampleManifest.Create(), Time, Ct);
        var finished = await SampleManifest.PlayAsync(store, new TrialKey("greedy", 0), attempts: 5, finish: true);
        var midway = await SampleManifest.PlayAsync(store, new TrialKey("greedy", 1), attempts: 8, finish: false);
        var neverImproved = await SampleManifest.PlayAsync(
            store, new TrialKey("random", 0), attempts: 3, finish: false, cycle: [AttemptStatus.NotFaster, AttemptStatus.CompileError]);
        await SampleManifest.PlayAsync(store, new TrialKey("random", 1), attempts: 0, finish: false);
        return (await RunStoreReader.LoadAsync(folder.Directory, Ct), finished, midway, neverImproved);
    }

    [Fact]
    public async Task Finished_trials_are_skipped_and_trials_without_attempts_start_fresh()
    {
        var (run, finished, midway, neverImproved) = await KilledRunAsync();

        var resume = run.BuildResumePoint(SampleTrial.Reference);

        Assert.Equal([finished.Key], resume.Finished);
        Assert.Equal(new[] { midway.Key, neverImproved.Key }.ToHashSet(), resume.Trials.Keys.ToHashSet());
    }

    [Fact]
    public async Task An_unfinished_trial_resumes_with_its_history_spending_and_random_state()
    {
        var (run, _, midway, _) = await KilledRunAsync();

        var state = run.BuildResumePoint(SampleTrial.Reference).Trials[midway.Key];

        Assert.Equal(8, state.History.Count);
        for (int i = 0; i < 8; i++)
        {
            StoredAssert.Same(midway.Written[i].Attempt, state.History[i]);
        }
        Assert.Equal(midway.Written[^1].Attempt.Spent, state.Spent);
        Assert.Equal(midway.RandomState(8), state.RandomState);
    }

    [Fact]
    public async Task The_best_of_a_resumed_trial_is_its_last_improvement_with_its_evaluation()
    {
        var (run, _, midway, _) = await KilledRunAsync();

        var best = run.BuildResumePoint(SampleTrial.Reference).Trials[midway.Key].Best;

        // Attempts 1 and 6 improved; 7 and 8 did not.
        var sixth = midway.Written[5];
        Assert.Equal(AttemptStatus.Improved, sixth.Attempt.Status);
        Assert.Equal(sixth.Candidate, best.Candidate with { Moves = sixth.Candidate!.Moves });
        Assert.Equal(sixth.Attempt.Speedup, best.Speedup);
        Assert.Equal(midway.BestSpeedup, best.Speedup);
        StoredAssert.Same(sixth.Evaluation, best.Evaluation);
    }

    [Fact]
    public async Task A_trial_that_never_improved_resumes_from_the_reference_at_one()
    {
        var (run, _, _, neverImproved) = await KilledRunAsync();

        var best = run.BuildResumePoint(SampleTrial.Reference).Trials[neverImproved.Key].Best;

        Assert.Same(SampleTrial.Reference, best.Candidate);
        Assert.Equal(1.0, best.Speedup);
        Assert.Null(best.Evaluation);
    }

    [Fact]
    public async Task Every_stored_candidate_is_known_to_the_resumed_run()
    {
        var (run, finished, midway, neverImproved) = await KilledRunAsync();

        var resume = run.BuildResumePoint(SampleTrial.Reference);

        var proposed = new[] { finished, midway, neverImproved }.SelectMany(t => t.Written).Where(a => a.Candidate is not null).Select(a => a.Candidate!.Hash);
        Assert.Equal(proposed.ToHashSet(), resume.Candidates.Select(c => c.Hash).ToHashSet());
        Assert.All(resume.Candidates, c => Assert.Equal(run.Candidates[c.Hash].Source, c.Source));
    }
}
