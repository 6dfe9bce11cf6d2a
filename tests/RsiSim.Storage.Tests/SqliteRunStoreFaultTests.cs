using Microsoft.Data.Sqlite;
using RsiSim.Core.Trials;
using RsiSim.Storage.Events;
using RsiSim.Storage.Folders;
using RsiSim.Storage.Reading;
using RsiSim.Storage.Tests.Support;

namespace RsiSim.Storage.Tests;

public sealed class SqliteRunStoreFaultTests : RunFolderTest
{
    private static SqliteConnection Connect(string database)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    [Fact]
    public async Task A_database_held_by_another_writer_gives_a_clear_error_and_nothing_half_written()
    {
        // Given another connection holding a write transaction on run.db
        await using var store = await NewStoreAsync();
        var trial = new SampleTrial(new TrialKey("greedy", 0), 3);
        await store.WriteAsync(trial.Start(), Ct);
        var attempt = trial.Next();
        string database = new RunFolder(store.Directory).Database;
        using (var other = Connect(database))
        using (var hold = other.BeginTransaction(deferred: false))
        {
            // When the store writes an attempt
            var error = await Assert.ThrowsAsync<RunStoreException>(() => store.WriteAsync(attempt, Ct).AsTask());

            // Then the error names the file and the cause
            Assert.Equal(RunStoreErrorKind.Locked, error.Kind);
            Assert.Contains(database, error.Message, StringComparison.Ordinal);
            Assert.Contains("another process holds it", error.Message, StringComparison.Ordinal);
        }

        // And once the lock is gone the same attempt is recorded exactly once
        await store.WriteAsync(attempt, Ct);
        var run = await RunStoreReader.LoadAsync(store.Directory, Ct);
        StoredAssert.Same(attempt, Assert.Single(run.Attempts));
        Assert.True((await EventLogRepair.CheckAsync(store.Directory, Ct)).Intact);
    }

    [Fact]
    public async Task A_run_already_open_in_another_store_cannot_be_opened_again()
    {
        await using var store = await NewStoreAsync();

        var error = await Assert.ThrowsAsync<RunStoreException>(() => SqliteRunStore.OpenAsync(store.Directory, Time, Ct));

        Assert.Equal(RunStoreErrorKind.Locked, error.Kind);
        Assert.Contains("run.lock", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_from_a_newer_schema_is_refused_by_the_store_and_the_reader()
    {
        var store = await NewStoreAsync();
        await store.DisposeAsync();
        using (var connection = Connect(new RunFolder(store.Directory).Database))
        using (var bump = new SqliteCommand("UPDATE schema_version SET version = 2", connection))
        {
            bump.ExecuteNonQuery();
        }

        var opening = await Assert.ThrowsAsync<RunStoreException>(() => SqliteRunStore.OpenAsync(store.Directory, Time, Ct));
        var reading = await Assert.ThrowsAsync<RunStoreException>(() => RunStoreReader.LoadAsync(store.Directory, Ct));

        Assert.Equal((RunStoreErrorKind.NewerSchema, RunStoreErrorKind.NewerSchema), (opening.Kind, reading.Kind));
        Assert.Contains("schema version 2", opening.Message, StringComparison.Ordinal);
        Assert.Contains("newer rsisim", opening.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_full_disk_under_the_event_log_stops_with_a_resumable_error_and_the_log_heals_after()
    {
        Assert.SkipUnless(File.Exists("/dev/full"), "needs /dev/full (Linux) to produce a real ENOSPC");
        // Given a store whose events.jsonl lives on a full device
        await using var store = await NewStoreAsync();
        var folder = new RunFolder(store.Directory);
        var trial = new SampleTrial(new TrialKey("greedy", 0), 3);
        await store.WriteAsync(trial.Start(), Ct);
        File.Delete(folder.Events);
        File.CreateSymbolicLink(folder.Events, "/dev/full");

        // When an attempt is written
        var attempt = trial.Next();
        var error = await Assert.ThrowsAsync<RunStoreException>(() => store.WriteAsync(attempt, Ct).AsTask());

        // Then the error says the disk is full and the run can be resumed, and the attempt is safe in the database
        Assert.Equal(RunStoreErrorKind.DiskFull, error.Kind);
        Assert.Contains("disk is full", error.Message, StringComparison.Ordinal);
        Assert.Contains("resume", error.Message, StringComparison.Ordinal);
        Assert.Single((await RunStoreReader.LoadAsync(store.Directory, Ct)).Attempts);

        // And the next write rebuilds the log from the database instead of appending to a torn file
        await store.WriteAsync(trial.Next(), Ct);
        var check = await EventLogRepair.CheckAsync(store.Directory, Ct);
        Assert.True(check.Intact, check.Problem);
        Assert.Equal(3, check.FileLines);
    }

    [Fact]
    public void A_full_database_is_reported_as_a_full_disk()
    {
        // A real SQLITE_FULL: the database may not grow past its page limit.
        using var connection = Connect(Temp.Combine("small.db"));
        using (var setup = new SqliteCommand("CREATE TABLE t (x BLOB); PRAGMA max_page_count = 3;", connection))
        {
            setup.ExecuteNonQuery();
        }
        using var insert = new SqliteCommand("INSERT INTO t VALUES (randomblob(100000))", connection);
        var full = Assert.Throws<SqliteException>(() => insert.ExecuteNonQuery());

        var error = RsiSim.Storage.Sql.StoreErrors.Translate(full, Temp.Combine("small.db"));

        Assert.Equal(13, full.SqliteErrorCode);
        Assert.NotNull(error);
        Assert.Equal(RunStoreErrorKind.DiskFull, error.Kind);
        Assert.Contains("rsisim resume", error.Message, StringComparison.Ordinal);
    }
}
