using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace RsiSim.Storage.Events;

/// <summary>Compares events.jsonl line by line with the events the database holds.</summary>
internal static class EventLogInspector
{
    public static EventLogCheck Check(SqliteConnection connection, string path)
    {
        var expected = DatabaseEvents.Lines(connection);
        int databaseAttempts = DatabaseEvents.Attempts(connection);
        if (!File.Exists(path))
        {
            return new EventLogCheck(0, expected.Count, 0, databaseAttempts, $"{path} is missing");
        }
        string text = File.ReadAllText(path);
        var lines = text.Split('\n');
        bool partial = lines[^1].Length > 0;
        var complete = lines[..^1];
        int fileAttempts = complete.Count(DatabaseEvents.IsAttempt);
        string? problem = partial
            ? "the last line is cut off"
            : FirstCorrupt(complete) is { } corrupt
                ? string.Create(CultureInfo.InvariantCulture, $"line {corrupt + 1} is not a valid event")
                : Compare(complete, expected, fileAttempts, databaseAttempts);
        return new EventLogCheck(complete.Length, expected.Count, fileAttempts, databaseAttempts, problem);
    }

    private static int? FirstCorrupt(string[] lines)
    {
        for (int i = 0; i < lines.Length; i++)
        {
            if (!IsEvent(lines[i]))
            {
                return i;
            }
        }
        return null;
    }

    private static bool IsEvent(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("type", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? Compare(string[] lines, IReadOnlyList<string> expected, int fileAttempts, int databaseAttempts)
    {
        if (fileAttempts != databaseAttempts)
        {
            return string.Create(CultureInfo.InvariantCulture, $"it has {fileAttempts} attempt events but the database has {databaseAttempts} attempts");
        }
        if (lines.Length != expected.Count)
        {
            return string.Create(CultureInfo.InvariantCulture, $"it has {lines.Length} events but the database has {expected.Count}");
        }
        for (int i = 0; i < lines.Length; i++)
        {
            if (!string.Equals(lines[i], expected[i], StringComparison.Ordinal))
            {
                return string.Create(CultureInfo.InvariantCulture, $"line {i + 1} differs from the database");
            }
        }
        return null;
    }
}
