using Microsoft.Data.Sqlite;
using RsiSim.Core.Runs;
using RsiSim.Storage.Events;
using RsiSim.Storage.Folders;
using RsiSim.Storage.Schema;
using RsiSim.Storage.Sql;
using RsiSim.Storage.Writing;

namespace RsiSim.Storage;

/// <summary>Records a run in its folder: one SQLite transaction per event, then its line in events.jsonl. Safe to call from several trials at once.</summary>
public sealed class SqliteRunStore : IRunEventSink, IAsyncDisposable
{
    private readonly RunFolder _folder;
    private readonly RunLock _lock;
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;
    private readonly EventLogAppender _log;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _disposed;

    private SqliteRunStore(RunFolder folder, RunLock runLock, SqliteConnection connection, TimeProvider time)
    {
        _folder = folder;
        _lock = runLock;
        _connection = connection;
        _time = time;
        _log = new EventLogAppender(folder.Events);
    }

    public string Directory => _folder.Directory;

    /// <summary>Starts the store of a new run in <paramref name="runDirectory"/> (made by <see cref="RunFolder.Create"/>, or empty).</summary>
    public static Task<SqliteRunStore> CreateAsync(string runDirectory, RunManifest manifest, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runDirectory);
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(time);
        cancellationToken.ThrowIfCancellationRequested();
        var folder = new RunFolder(runDirectory);
        System.IO.Directory.CreateDirectory(folder.Candidates);
        System.IO.Directory.CreateDirectory(folder.Logs);
        return Task.FromResult(Start(folder, time, connection =>
        {
            if (SqlCommands.Scalar<long>(connection, null, "SELECT count(*) FROM sqlite_master") > 0)
            {
                throw new RunStoreException(RunStoreErrorKind.InvalidFolder, $"{folder.Database} already holds a run; resume it, or start the new run in a new folder.");
            }
            using var transaction = connection.BeginTransaction();
            var now = time.GetUtcNow();
            SchemaVersion.Create(connection, transaction, now);
            ManifestRows.Add(transaction, manifest, now);
            transaction.Commit();
            File.AppendAllText(folder.Events, "");
        }));
    }

    /// <summary>Opens an existing run to resume it: checks the schema, repairs events.jsonl and records the resume.</summary>
    public static Task<SqliteRunStore> OpenAsync(string runDirectory, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runDirectory);
        ArgumentNullException.ThrowIfNull(time);
        cancellationToken.ThrowIfCancellationRequested();
        if (RunFolder.Validate(runDirectory) is [var first, ..])
        {
            throw new RunStoreException(RunStoreErrorKind.InvalidFolder, first);
        }
        var folder = new RunFolder(runDirectory);
        return Task.FromResult(Start(folder, time, connection =>
        {
            SchemaVersion.Check(connection, folder.Database);
            // Resumed events are appended to a whole log, never after a torn line.
            if (!EventLogInspector.Check(connection, folder.Events).Intact)
            {
                DatabaseEvents.Rebuild(connection, folder.Events);
            }
            using var transaction = connection.BeginTransaction();
            SqlCommands.Execute(connection, transaction,
                "INSERT INTO resumes (resumed_at, attempts_recorded) VALUES ($at, (SELECT count(*) FROM attempts))",
                ("$at", SqlValues.Text(time.GetUtcNow())));
            transaction.Commit();
        }));
    }

    /// <inheritdoc/>
    public ValueTask WriteAsync(RunEvent runEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runEvent);
        return SerialisedAsync(() =>
        {
            string line = StoreErrors.Guard(_folder.Database, () =>
            {
                using var transaction = _connection.BeginTransaction();
                string written = RunEventRows.Write(transaction, _folder, runEvent, _time.GetUtcNow());
                transaction.Commit();
                return written;
            });
            _log.Append(line, _connection);
        }, cancellationToken);
    }

    /// <summary>Records one language-model call; a later LLM agent reports every call, failed ones included.</summary>
    public ValueTask RecordLlmCallAsync(LlmCallRecord call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        return SerialisedAsync(() => StoreErrors.Guard(_folder.Database, () => LlmCallRows.Add(_connection, call, _time.GetUtcNow())), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!_disposed)
            {
                _disposed = true;
                await _connection.DisposeAsync().ConfigureAwait(false);
                _lock.Dispose();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    // One writer at a time: trials run in parallel, the connection and the log file do not.
    private async ValueTask SerialisedAsync(Action write, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            write();
        }
        finally
        {
            _gate.Release();
        }
    }

    // Takes run.lock, opens the database and prepares it; on any failure releases both. Errors are translated for the user.
    private static SqliteRunStore Start(RunFolder folder, TimeProvider time, Action<SqliteConnection> prepare)
    {
        var runLock = RunLock.Acquire(folder);
        SqliteConnection? connection = null;
        try
        {
            connection = StoreErrors.Guard(folder.Database, () => SqliteConnections.OpenForWriting(folder.Database));
            StoreErrors.Guard(folder.Database, () => prepare(connection));
            return new SqliteRunStore(folder, runLock, connection, time);
        }
        catch
        {
            connection?.Dispose();
            runLock.Dispose();
            throw;
        }
    }
}
