using DiffPlex.Renderer;

namespace RsiSim.Reporting.Lineages;

/// <summary>A unified diff of a candidate against its parent (DiffPlex), with three lines of context.</summary>
/// <param name="Text">The unified diff, "--- parent" / "+++ candidate" first.</param>
/// <param name="Added">Lines added.</param>
/// <param name="Removed">Lines removed.</param>
public sealed record SourceDiff(string Text, int Added, int Removed)
{
    public const int ContextLines = 3;

    public static SourceDiff Between(string parent, string candidate, string parentName, string candidateName)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(candidate);
        string text = UnidiffRenderer.GenerateUnidiff(Normalise(parent), Normalise(candidate), parentName, candidateName, false, false, ContextLines);
        var lines = text.Split('\n');
        return new SourceDiff(
            text.TrimEnd('\n'),
            lines.Count(l => l.StartsWith('+') && !l.StartsWith("+++", StringComparison.Ordinal)),
            lines.Count(l => l.StartsWith('-') && !l.StartsWith("---", StringComparison.Ordinal)));
    }

    // Hashes ignore line endings, so diffs do too; the final newline would otherwise show as an empty context line.
    private static string Normalise(string source) => source.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
}
