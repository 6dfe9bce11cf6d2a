using System.Text.Json;
using Microsoft.Data.Sqlite;
using RsiSim.Core.Candidates;
using RsiSim.Storage.Folders;
using RsiSim.Storage.Sql;

namespace RsiSim.Storage.Writing;

/// <summary>Stores a candidate once: its row, and its source as candidates/&lt;hash&gt;.cs.</summary>
internal static class CandidateRows
{
    public static void Add(SqliteTransaction transaction, RunFolder folder, Candidate candidate, DateTimeOffset at)
    {
        // The file is written before the row commits, so a committed row never points at a missing file.
        WriteFileOnce(folder.CandidateFile(candidate.Hash), candidate.Source);
        SqlCommands.Execute(transaction.Connection!, transaction, """
            INSERT INTO candidates (hash, parent_hash, moves_json, source, created_at) VALUES ($hash, $parent, $moves, $source, $at)
            ON CONFLICT (hash) DO NOTHING
            """,
            ("$hash", candidate.Hash), ("$parent", candidate.ParentHash), ("$moves", JsonSerializer.Serialize(candidate.Moves, JsonLines.SerializerOptions)),
            ("$source", candidate.Source), ("$at", SqlValues.Text(at)));
    }

    private static void WriteFileOnce(string path, string source)
    {
        if (File.Exists(path))
        {
            return;
        }
        // Write aside, then rename: a kill mid-write leaves a stray temporary file, never a half candidate.
        string temporary = path + ".tmp";
        TextFiles.Write(temporary, source);
        File.Move(temporary, path, overwrite: true);
    }
}
