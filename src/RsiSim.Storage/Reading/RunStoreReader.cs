using RsiSim.Storage.Certifications;
using RsiSim.Storage.Folders;
using RsiSim.Storage.Schema;
using RsiSim.Storage.Sql;

namespace RsiSim.Storage.Reading;

/// <summary>Loads a run folder's database into plain records, read-only; safe while the run is still writing.</summary>
public static class RunStoreReader
{
    public static Task<StoredRun> LoadAsync(string runDirectory, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (RunFolder.Validate(runDirectory) is [var first, ..])
        {
            throw new RunStoreException(RunStoreErrorKind.InvalidFolder, first);
        }
        var folder = new RunFolder(runDirectory);
        return Task.FromResult(StoreErrors.Guard(folder.Database, () =>
        {
            using var connection = SqliteConnections.OpenForReading(folder.Database);
            SchemaVersion.Check(connection, folder.Database);
            // One read transaction, begun in SQL so the readers' commands need no transaction object:
            // every table is seen at the same commit, even while a run writes.
            SqlCommands.Execute(connection, null, "BEGIN");
            try
            {
                var (manifest, createdAt) = ManifestReader.Read(connection, folder.Database);
                var (attempts, measurements) = AttemptReader.Read(connection);
                return new StoredRun(
                    folder.Directory,
                    manifest,
                    createdAt,
                    TrialReader.Trials(connection),
                    attempts,
                    CandidateReader.Read(connection),
                    measurements,
                    TrialReader.LlmCalls(connection),
                    TrialReader.Resumes(connection))
                {
                    Certifications = CertificationRows.Read(connection),
                };
            }
            finally
            {
                SqlCommands.Execute(connection, null, "ROLLBACK");
            }
        }));
    }
}
