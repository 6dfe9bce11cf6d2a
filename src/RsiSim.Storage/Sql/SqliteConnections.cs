using Microsoft.Data.Sqlite;

namespace RsiSim.Storage.Sql;

/// <summary>Opens run databases with the settings every connection needs.</summary>
internal static class SqliteConnections
{
    /// <summary>How long a write waits for another process's transaction before the store gives up with a clear error.</summary>
    public const int BusyTimeoutSeconds = 2;

    public static SqliteConnection OpenForWriting(string path)
    {
        var connection = Open(path, SqliteOpenMode.ReadWriteCreate);
        // WAL lets readers (reports, sqlite3) read while the run writes; FULL makes each commit survive a power cut.
        SqlCommands.Execute(connection, null, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;");
        return connection;
    }

    public static SqliteConnection OpenForReading(string path) => Open(path, SqliteOpenMode.ReadOnly);

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            // No pooling: disposing the store must release the file at once (for a resume, or a test's cleanup).
            Pooling = false,
            DefaultTimeout = BusyTimeoutSeconds,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
