using System.Text;
using Microsoft.Data.Sqlite;
using RsiSim.Storage.Sql;

namespace RsiSim.Storage.Events;

/// <summary>Appends committed events to events.jsonl; after a failed append it rebuilds the file from the database instead.</summary>
internal sealed class EventLogAppender(string path)
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    // Set when an append failed: the file may end in half a line and lacks events the database has.
    private bool _stale;

    /// <summary>Appends <paramref name="line"/>, which the database has just committed.</summary>
    public void Append(string line, SqliteConnection connection)
    {
        try
        {
            if (_stale)
            {
                DatabaseEvents.Rebuild(connection, path);
                _stale = false;
                return;
            }
            // Flushed to the OS, not to the platter: a kill loses nothing, and a power cut's torn tail is rebuilt on resume.
            File.AppendAllText(path, line + "\n", Utf8NoBom);
        }
        catch (IOException ex)
        {
            _stale = true;
            throw StoreErrors.Translate(ex, path) ?? new RunStoreException(RunStoreErrorKind.InvalidFolder, $"Cannot write {path}: {ex.Message}", ex);
        }
    }
}
