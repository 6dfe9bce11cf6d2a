using Microsoft.Data.Sqlite;
using RsiSim.Storage.Folders;
using RsiSim.Storage.Schema;
using RsiSim.Storage.Sql;

namespace RsiSim.Storage.Certifications;

/// <summary>Holds a finished run for <c>rsisim certify</c>: takes run.lock (a live run is refused), then adds certifications to its database.</summary>
/// <remarks>The tables are additive (CREATE TABLE IF NOT EXISTS); the schema version stays 1 and older readers ignore them.</remarks>
public sealed class SqliteCertificationStore : IDisposable
{
    private readonly RunFolder _folder;
    private readonly RunLock _lock;

    private SqliteCertificationStore(RunFolder folder, RunLock runLock)
    {
        _folder = folder;
        _lock = runLock;
    }

    /// <summary>Takes the run's lock for as long as the store is open, so that no run or resume writes (or times) meanwhile.</summary>
    public static SqliteCertificationStore Open(string runDirectory)
    {
        if (RunFolder.Validate(runDirectory) is [var first, ..])
        {
            throw new RunStoreException(RunStoreErrorKind.InvalidFolder, first);
        }
        var folder = new RunFolder(runDirectory);
        return new SqliteCertificationStore(folder, RunLock.Acquire(folder));
    }

    /// <summary>Adds one certification, all its arms in one transaction.</summary>
    public Task SaveAsync(RunCertification certification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(certification);
        cancellationToken.ThrowIfCancellationRequested();
        StoreErrors.Guard(_folder.Database, () =>
        {
            using SqliteConnection connection = SqliteConnections.OpenForWriting(_folder.Database);
            SchemaVersion.Check(connection, _folder.Database);
            using var transaction = connection.BeginTransaction();
            CertificationRows.Add(connection, transaction, certification);
            transaction.Commit();
        });
        return Task.CompletedTask;
    }

    public void Dispose() => _lock.Dispose();
}
