using Microsoft.Data.Sqlite;

namespace RsiSim.Storage.Sql;

/// <summary>Turns the failures a user can meet (a locked database, a full disk) into a <see cref="RunStoreException"/> that says what to do.</summary>
internal static class StoreErrors
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteNotADatabase = 26;
    private const int LinuxNoSpace = 28;
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);

    /// <summary>The clear error for <paramref name="exception"/>, or null when it is a bug that should surface as it is.</summary>
    public static RunStoreException? Translate(Exception exception, string file) => exception switch
    {
        RunStoreException => null,
        SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked } => Locked(file, exception),
        SqliteException { SqliteErrorCode: SqliteFull } => DiskFull(file, exception),
        SqliteException { SqliteErrorCode: SqliteCantOpen or SqliteNotADatabase } =>
            new RunStoreException(RunStoreErrorKind.InvalidFolder, $"{file} cannot be opened as a run database: {((SqliteException)exception).Message}", exception),
        IOException { HResult: LinuxNoSpace or WindowsDiskFull or WindowsHandleDiskFull } => DiskFull(file, exception),
        _ => null,
    };

    public static RunStoreException Locked(string file, Exception? inner) => new(
        RunStoreErrorKind.Locked,
        $"{file} is locked: another process holds it (a running or stuck rsisim, or an open sqlite3 transaction). Stop that process, then resume the run.",
        inner);

    public static RunStoreException DiskFull(string file, Exception? inner) => new(
        RunStoreErrorKind.DiskFull,
        $"The disk is full while writing {file}. Every completed attempt is saved; free some space, then resume the run with `rsisim resume {Path.GetDirectoryName(file)}`.",
        inner);

    /// <summary>Runs <paramref name="action"/>, translating the failures a user can meet.</summary>
    public static void Guard(string file, Action action) => Guard(file, () =>
    {
        action();
        return true;
    });

    /// <summary>Runs <paramref name="action"/>, translating the failures a user can meet.</summary>
    public static T Guard<T>(string file, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (Translate(ex, file) is { } clear)
        {
            throw clear;
        }
    }
}
