using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using RsiSim.Core.Candidates;
using RsiSim.Storage.Sql;
using RsiSim.Storage.Writing;

namespace RsiSim.Storage.Reading;

/// <summary>Reads every candidate by hash.</summary>
internal static class CandidateReader
{
    public static Dictionary<string, Candidate> Read(SqliteConnection connection) =>
        SqlRows.Query(connection, "SELECT hash, source, parent_hash, moves_json FROM candidates ORDER BY created_at, hash",
            row => new Candidate(row.Text("hash"), row.Text("source"), row.TextOrNull("parent_hash"), Moves(row.Text("moves_json"))))
        .ToDictionary(c => c.Hash, StringComparer.Ordinal);

    public static ImmutableSortedSet<string> Moves(string json) => [.. JsonSerializer.Deserialize<string[]>(json, JsonLines.SerializerOptions) ?? []];
}
