using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace RsiSim.Core.Candidates;

/// <summary>One version of a task's editable source, identified by the hash of its text.</summary>
/// <param name="Hash">First 16 hex digits of the SHA-256 of the source (line endings normalised).</param>
/// <param name="Source">The C# file.</param>
/// <param name="ParentHash">The candidate it was derived from; null for the reference.</param>
/// <param name="Moves">For candidates built from moves, the moves applied to the reference; otherwise empty.</param>
public sealed record Candidate(string Hash, string Source, string? ParentHash, ImmutableSortedSet<string> Moves)
{
    /// <summary>Makes a candidate from source text.</summary>
    public static Candidate FromSource(string source, string? parentHash = null, IEnumerable<string>? moves = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new Candidate(HashOf(source), source, parentHash, moves is null ? [] : [.. moves]);
    }

    /// <summary>The candidate hash of a source text.</summary>
    public static string HashOf(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var normalised = source.Replace("\r\n", "\n", StringComparison.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)))[..16];
    }
}
