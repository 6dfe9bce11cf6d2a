using RsiSim.Core.Trials;
using RsiSim.Storage.Events;
using RsiSim.Storage.Folders;
using RsiSim.Storage.Reading;
using RsiSim.Storage.Tests.Support;

namespace RsiSim.Storage.Tests;

/// <summary>A run whose file system fills up stops with a clear error and resumes with nothing lost once there is room.</summary>
public sealed class FullDiskTests : RunFolderTest
{
    private SmallTmpfs? _disk;

    protected override void Dispose(bool disposing)
    {
        // Unmount before the folder under it is deleted.
        if (disposing)
        {
            _disk?.Dispose();
        }
        base.Dispose(disposing);
    }

    [Fact]
    public async Task A_run_that_fills_its_disk_stops_cleanly_and_resumes_with_every_committed_attempt()
    {
        _disk = SmallTmpfs.TryMount(Temp.Combine("disk"), "320k");
        Assert.SkipWhen(_disk is null, "needs root and mount(8) to make a small tmpfs; the /dev/full test covers the log without them");

        // Given a run on a small disk, writing attempts with 16 kB candidates until the disk is full
        var folder = RunFolder.Create(_disk!.Path, "quickstart", Time);
        var trial = new SampleTrial(new TrialKey("greedy", 0), 11);
        RunStoreException? error = null;
        await using (var store = await SqliteRunStore.CreateAsync(folder.Directory, SampleManifest.Create(), Time, Ct))
        {
            await store.WriteAsync(trial.Start(), Ct);
            for (int i = 0; i < 200 && error is null; i++)
            {
                var attempt = trial.Next($"// attempt {i}\n" + new string('x', 16_000) + "\n");
                error = await Record.ExceptionAsync(() => store.WriteAsync(attempt, Ct).AsTask()) as RunStoreException;
            }
        }

        // Then the run stopped with a full-disk error that says it can be resumed
        Assert.NotNull(error);
        Assert.Equal(RunStoreErrorKind.DiskFull, error.Kind);
        Assert.Contains("rsisim resume", error.Message, StringComparison.Ordinal);

        // When space is freed and the run is resumed
        _disk.Resize("8m");
        var before = await RunStoreReader.LoadAsync(folder.Directory, Ct);
        var resumePoint = before.BuildResumePoint(SampleTrial.Reference);
        await using (var resumed = await SqliteRunStore.OpenAsync(folder.Directory, Time, Ct))
        {
            var history = resumePoint.Trials[trial.Key].History;
            var next = new SampleTrial(trial.Key, 11);
            next.Written.AddRange(trial.Written.Take(history.Count));
            await resumed.WriteAsync(next.Start(resumed: true), Ct);
            await resumed.WriteAsync(next.Next(), Ct);
        }

        // Then every attempt committed before the failure is there once, followed by the new one, and the log is whole
        var after = await RunStoreReader.LoadAsync(folder.Directory, Ct);
        Assert.True(before.Attempts.Count > 0);
        Assert.Equal(Enumerable.Range(1, before.Attempts.Count + 1), after.Attempts.Select(a => a.Record.Index));
        for (int i = 0; i < before.Attempts.Count; i++)
        {
            StoredAssert.Same(trial.Written[i], after.Attempts[i]);
        }
        Assert.True((await EventLogRepair.CheckAsync(folder.Directory, Ct)).Intact);
    }
    [Fact]
    public async Task A_candidate_file_that_does_not_fit_on_the_disk_is_a_disk_full_error_that_says_how_to_resume()
    {
        _disk = SmallTmpfs.TryMount(Temp.Combine("disk"), "256k");
        Assert.SkipWhen(_disk is null, "needs root and mount(8) to make a small tmpfs; the /dev/full test covers the log without them");

        // Given a run whose disk has just filled up
        var folder = RunFolder.Create(_disk!.Path, "quickstart", Time);
        await using var store = await SqliteRunStore.CreateAsync(folder.Directory, SampleManifest.Create(), Time, Ct);
        var trial = new SampleTrial(new TrialKey("greedy", 0), 11);
        await store.WriteAsync(trial.Start(), Ct);
        FillUp(Path.Combine(_disk.Path, "filler"));

        // When an attempt brings a candidate larger than the 8 kB that File.WriteAllText writes without preallocating
        var error = await Record.ExceptionAsync(() => store.WriteAsync(trial.Next("// big\n" + new string('x', 16_000) + "\n"), Ct).AsTask());

        // Then the store says the disk is full and how to resume, rather than throwing a bare IOException
        var full = Assert.IsType<RunStoreException>(error);
        Assert.Equal(RunStoreErrorKind.DiskFull, full.Kind);
        Assert.Contains("rsisim resume", full.Message, StringComparison.Ordinal);
    }

    private static void FillUp(string path)
    {
        var chunk = new byte[64 * 1024];
        try
        {
            using var filler = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1);
            while (true)
            {
                filler.Write(chunk);
            }
        }
        catch (IOException)
        {
            // The file system is full.
        }
    }
}
