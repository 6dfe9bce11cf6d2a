using RsiSim.Core.Trials;
using RsiSim.Storage.Folders;
using RsiSim.Storage.Reading;
using RsiSim.Storage.Tests.Support;

namespace RsiSim.Storage.Tests;

public sealed class SqliteRunStoreTests : RunFolderTest
{
    [Fact]
    public async Task Attempts_written_by_concurrent_trials_read_back_field_by_field_after_reopening()
    {
        // Given three trials writing to one store at the same time
        var store = await NewStoreAsync();
        TrialKey[] keys = [new("greedy", 0), new("greedy", 1), new("random", 0)];
        var trials = await Task.WhenAll(keys.Select(k => Task.Run(() => SampleManifest.PlayAsync(store, k, attempts: 7, finish: true))));
        await store.DisposeAsync();

        // When the run is read back from its folder
        var run = await RunStoreReader.LoadAsync(store.Directory, Ct);

        // Then every attempt is there, in order per trial, field by field
        Assert.Equal(21, run.Attempts.Count);
        foreach (var trial in trials)
        {
            var read = run.AttemptsOf(trial.Key).ToList();
            Assert.Equal(trial.Written.Count, read.Count);
            for (int i = 0; i < read.Count; i++)
            {
                StoredAssert.Same(trial.Written[i], read[i]);
            }
            var stored = Assert.Single(run.Trials, t => t.Key == trial.Key);
            Assert.True(stored.Finished);
            Assert.Equal(("attempts", trial.BestSpeedup, trial.Best.Hash, 7), (stored.StopReason, stored.BestSpeedup, stored.BestHash, stored.Attempts));
        }
        Assert.Equal(["greedy#0", "greedy#1", "random#0"], run.Trials.Select(t => t.Key.ToString()));
    }

    [Fact]
    public async Task Every_timed_repetition_is_a_measurement_row()
    {
        await using var store = await NewStoreAsync();
        var trial = await SampleManifest.PlayAsync(store, new TrialKey("greedy", 0), attempts: 2, finish: false);

        var run = await RunStoreReader.LoadAsync(store.Directory, Ct);

        var timing = trial.Written[1].Evaluation!.Timing!;
        var second = run.Measurements.Where(m => m.Attempt == 2).ToList();
        Assert.Equal(timing.BaselineSeconds, second.Where(m => m.Side == "baseline").Select(m => m.Seconds));
        Assert.Equal(timing.CandidateSeconds, second.Where(m => m.Side == "candidate").Select(m => m.Seconds));
        Assert.Equal([1, 2, 3, 4], second.Where(m => m.Side == "candidate").Select(m => m.Repetition));
        Assert.Equal(14, run.Measurements.Count);
    }

    [Fact]
    public async Task A_candidate_proposed_twice_is_written_once_as_a_file_and_a_row()
    {
        // Given a candidate already stored, whose file someone then changed
        await using var store = await NewStoreAsync();
        var trial = new SampleTrial(new TrialKey("greedy", 0), 7);
        await store.WriteAsync(trial.Start(), Ct);
        var first = trial.Next("public sealed class Model { }\n");
        await store.WriteAsync(first, Ct);
        string file = new RunFolder(store.Directory).CandidateFile(first.Candidate!.Hash);
        Assert.Equal(first.Candidate.Source, await File.ReadAllTextAsync(file, Ct));
        await File.AppendAllTextAsync(file, "// marker\n", Ct);

        // When the same source is proposed again
        await store.WriteAsync(trial.Next("public sealed class Model { }\n"), Ct);

        // Then neither the file nor the row is written again
        Assert.EndsWith("// marker\n", await File.ReadAllTextAsync(file, Ct), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(new RunFolder(store.Directory).Candidates));
        var run = await RunStoreReader.LoadAsync(store.Directory, Ct);
        Assert.Equal(first.Candidate, Assert.Single(run.Candidates.Values) with { Moves = first.Candidate.Moves });
        Assert.Equal(first.Candidate.Moves, run.Candidates[first.Candidate.Hash].Moves);
    }

    [Fact]
    public async Task The_manifest_reads_back_as_written()
    {
        await using var store = await NewStoreAsync();

        var run = await RunStoreReader.LoadAsync(store.Directory, Ct);

        var written = SampleManifest.Create();
        Assert.Equal(written with { Arms = [] }, run.Manifest with { Arms = [] });
        Assert.Equal(written.Arms, run.Manifest.Arms);
        Assert.Equal(Time.GetUtcNow(), run.CreatedAt);
    }

    [Fact]
    public async Task Creating_a_store_where_a_run_already_is_refused()
    {
        var store = await NewStoreAsync();
        await store.DisposeAsync();

        var error = await Assert.ThrowsAsync<RunStoreException>(() =>
            SqliteRunStore.CreateAsync(store.Directory, SampleManifest.Create(), Time, Ct));

        Assert.Equal(RunStoreErrorKind.InvalidFolder, error.Kind);
        Assert.Contains("already holds a run", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Llm_calls_read_back_as_recorded()
    {
        await using var store = await NewStoreAsync();
        var ok = new LlmCallRecord(new TrialKey("random", 1), 3, """{"model":"m"}""", """{"choices":[]}""", 1200, 340, 0.0042m, 1534, 1, null);
        var failed = ok with { ReplyJson = null, Error = "HTTP 429 after 3 retries", Retries = 3 };

        await store.RecordLlmCallAsync(ok, Ct);
        Time.Advance(TimeSpan.FromSeconds(2));
        await store.RecordLlmCallAsync(failed, Ct);

        var run = await RunStoreReader.LoadAsync(store.Directory, Ct);
        Assert.Equal([ok, failed], run.LlmCalls.Select(c => c.Call));
        Assert.Equal(TimeSpan.FromSeconds(2), run.LlmCalls[1].CalledAt - run.LlmCalls[0].CalledAt);
    }

    [Fact]
    public async Task Opening_a_run_to_resume_records_the_resume_and_the_trial_started_again()
    {
        // Given a run killed after three attempts of one trial
        var store = await NewStoreAsync();
        var trial = await SampleManifest.PlayAsync(store, new TrialKey("greedy", 0), attempts: 3, finish: false);
        await store.DisposeAsync();
        Time.Advance(TimeSpan.FromHours(1));

        // When it is opened again and the trial goes on
        await using (var resumed = await SqliteRunStore.OpenAsync(store.Directory, Time, Ct))
        {
            await SampleManifest.PlayAsync(resumed, trial, attempts: 2, finish: true, resumed: true);
        }

        // Then the resume is recorded with the attempts it found, and the trial keeps its first start
        var run = await RunStoreReader.LoadAsync(store.Directory, Ct);
        Assert.Equal(new StoredResume(Time.GetUtcNow(), 3), Assert.Single(run.Resumes));
        var stored = Assert.Single(run.Trials);
        Assert.Equal((1, 5, true), (stored.Resumes, stored.Attempts, stored.Finished));
        Assert.Equal(Time.GetUtcNow() - TimeSpan.FromHours(1), stored.StartedAt);
        Assert.Equal([1, 2, 3, 4, 5], run.Attempts.Select(a => a.Record.Index));
    }
}
