using System.Text.RegularExpressions;

namespace RsiSim.Agents.Llm.Replies;

/// <summary>Applies one SEARCH/REPLACE block to source lines: an exact match first, then one that ignores differences in whitespace.</summary>
internal static partial class SearchReplaceApplier
{
    /// <summary>The new lines, or why the block could not be applied.</summary>
    public static (List<string>? Lines, string? Error) Apply(List<string> source, SearchReplaceBlock block)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(block);
        var search = TrimBlankEdges(block.Search);
        if (search.Count == 0)
        {
            return (null, "its SEARCH part is empty; SEARCH must quote the lines to change");
        }
        var exact = Matches(source, search, s => s);
        if (exact.Count == 1)
        {
            return (Splice(source, exact[0], search.Count, [.. block.Replace]), null);
        }
        if (exact.Count == 0)
        {
            // Models often re-indent or re-space what they quote: match lines with their whitespace collapsed.
            var tolerant = Matches(source, search, Collapse);
            if (tolerant.Count == 1)
            {
                return (Splice(source, tolerant[0], search.Count, Reindent(block.Replace, search, source[tolerant[0]])), null);
            }
            if (tolerant.Count == 0)
            {
                return (null, $"its SEARCH part matches nothing in the current best source, even ignoring whitespace (its first line: `{Shorten(search[0].Trim())}`)");
            }
            exact = tolerant;
        }
        return (null, $"its SEARCH part matches {exact.Count} places (lines {string.Join(", ", exact.Select(i => i + 1))}); quote more lines so that it matches one");
    }

    private static List<int> Matches(List<string> source, List<string> search, Func<string, string> normalise)
    {
        var wanted = search.Select(normalise).ToList();
        var found = new List<int>();
        for (int i = 0; i + wanted.Count <= source.Count; i++)
        {
            int k = 0;
            while (k < wanted.Count && string.Equals(normalise(source[i + k]), wanted[k], StringComparison.Ordinal))
            {
                k++;
            }
            if (k == wanted.Count)
            {
                found.Add(i);
            }
        }
        return found;
    }

    private static List<string> Splice(List<string> source, int at, int count, List<string> replacement)
    {
        var result = new List<string>(source.Count - count + replacement.Count);
        result.AddRange(source.Take(at));
        result.AddRange(replacement);
        result.AddRange(source.Skip(at + count));
        return result;
    }

    // The replacement keeps the indentation the matched source has, shifted as the model's quote was.
    private static List<string> Reindent(IReadOnlyList<string> replace, List<string> search, string firstMatched)
    {
        string have = Indent(firstMatched);
        string quoted = Indent(search[0]);
        return [.. replace.Select(line => line.Length == 0 ? line
            : line.StartsWith(quoted, StringComparison.Ordinal) ? have + line[quoted.Length..]
            : have + line.TrimStart())];
    }

    private static string Indent(string line) => line[..(line.Length - line.TrimStart().Length)];

    private static List<string> TrimBlankEdges(IReadOnlyList<string> lines)
    {
        int start = 0, end = lines.Count;
        while (start < end && string.IsNullOrWhiteSpace(lines[start]))
        {
            start++;
        }
        while (end > start && string.IsNullOrWhiteSpace(lines[end - 1]))
        {
            end--;
        }
        return [.. lines.Skip(start).Take(end - start)];
    }

    private static string Collapse(string line) => Whitespace().Replace(line.Trim(), " ");

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
