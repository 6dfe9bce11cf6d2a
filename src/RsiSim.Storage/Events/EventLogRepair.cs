using RsiSim.Storage.Folders;
using RsiSim.Storage.Schema;
using RsiSim.Storage.Sql;

namespace RsiSim.Storage.Events;

/// <summary>Finds a truncated or corrupt events.jsonl and rebuilds it from the database, which is the truth.</summary>
public static class EventLogRepair
{
    /// <summary>Compares the run's events.jsonl with its database.</summary>
    public static Task<EventLogCheck> CheckAsync(string runDirectory, CancellationToken cancellationToken) =>
        RunAsync(runDirectory, rebuild: false, cancellationToken);

    /// <summary>Checks the run's events.jsonl and rebuilds it when it is not intact; returns what was found before the repair.</summary>
    public static Task<EventLogCheck> RepairAsync(string runDirectory, CancellationToken cancellationToken) =>
        RunAsync(runDirectory, rebuild: true, cancellationToken);

    private static Task<EventLogCheck> RunAsync(string runDirectory, bool rebuild, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var folder = new RunFolder(runDirectory);
        using var runLock = rebuild ? RunLock.Acquire(folder) : null;
        using var connection = StoreErrors.Guard(folder.Database, () => SqliteConnections.OpenForReading(folder.Database));
        SchemaVersion.Check(connection, folder.Database);
        var check = StoreErrors.Guard(folder.Database, () => EventLogInspector.Check(connection, folder.Events));
        if (rebuild && !check.Intact)
        {
            StoreErrors.Guard(folder.Events, () => DatabaseEvents.Rebuild(connection, folder.Events));
        }
        return Task.FromResult(check);
    }
}
