using Microsoft.Data.Sqlite;

namespace RsiSim.Storage.Sql;

/// <summary>Reads a row's columns by name.</summary>
internal static class SqlRows
{
    public static string Text(this SqliteDataReader row, string column) => row.GetString(row.GetOrdinal(column));

    public static string? TextOrNull(this SqliteDataReader row, string column) =>
        row.IsDBNull(row.GetOrdinal(column)) ? null : row.GetString(row.GetOrdinal(column));

    public static int Int(this SqliteDataReader row, string column) => row.GetInt32(row.GetOrdinal(column));

    public static long Long(this SqliteDataReader row, string column) => row.GetInt64(row.GetOrdinal(column));

    public static bool Flag(this SqliteDataReader row, string column) => row.GetInt64(row.GetOrdinal(column)) != 0;

    public static double Double(this SqliteDataReader row, string column) => row.GetDouble(row.GetOrdinal(column));

    public static double? DoubleOrNull(this SqliteDataReader row, string column) =>
        row.IsDBNull(row.GetOrdinal(column)) ? null : row.GetDouble(row.GetOrdinal(column));

    public static DateTimeOffset Time(this SqliteDataReader row, string column) => SqlValues.Time(row.Text(column));

    public static DateTimeOffset? TimeOrNull(this SqliteDataReader row, string column) =>
        row.TextOrNull(column) is { } text ? SqlValues.Time(text) : null;

    /// <summary>Runs <paramref name="sql"/> and maps every row.</summary>
    public static List<T> Query<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> map)
    {
        using var command = SqlCommands.Create(connection, null, sql);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }
        return rows;
    }
}
