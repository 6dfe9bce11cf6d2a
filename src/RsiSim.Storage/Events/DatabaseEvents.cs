using System.Text;
using Microsoft.Data.Sqlite;
using RsiSim.Storage.Sql;
using RsiSim.Storage.Writing;

namespace RsiSim.Storage.Events;

/// <summary>The event lines the database holds, in commit order: the truth events.jsonl is rebuilt from.</summary>
internal static class DatabaseEvents
{
    public static IReadOnlyList<string> Lines(SqliteConnection connection)
    {
        using var command = SqlCommands.Create(connection, null, "SELECT line FROM events ORDER BY seq");
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(0));
        }
        return lines;
    }

    public static int Attempts(SqliteConnection connection) =>
        SqlCommands.Scalar<int>(connection, null, "SELECT count(*) FROM attempts");

    public static bool IsAttempt(string line) => line.Contains($"\"type\":\"{EventLines.AttemptCompletedType}\"", StringComparison.Ordinal);

    /// <summary>Replaces the file with the database's events; written aside and renamed, so a kill leaves the old file or the new one.</summary>
    public static void Rebuild(SqliteConnection connection, string path)
    {
        var text = new StringBuilder();
        foreach (string line in Lines(connection))
        {
            text.Append(line).Append('\n');
        }
        string temporary = path + ".rebuild";
        TextFiles.Write(temporary, text.ToString());
        File.Move(temporary, path, overwrite: true);
    }
}
