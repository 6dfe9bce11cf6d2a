using System.Text.RegularExpressions;

namespace RsiSim.Agents.Llm.Replies;

/// <summary>Reads the SEARCH/REPLACE blocks of a reply: <c>&lt;&lt;&lt;&lt;&lt;&lt;&lt; SEARCH</c>, lines, <c>=======</c>, lines, <c>&gt;&gt;&gt;&gt;&gt;&gt;&gt; REPLACE</c>.</summary>
internal static partial class SearchReplaceParser
{
    /// <summary>The blocks in order, or the reason the reply's blocks are malformed.</summary>
    public static (IReadOnlyList<SearchReplaceBlock> Blocks, string? Error) Parse(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var blocks = new List<SearchReplaceBlock>();
        List<string>? search = null;
        List<string>? replace = null;
        foreach (string line in lines)
        {
            if (SearchMarker().IsMatch(line))
            {
                if (search is not null)
                {
                    return (blocks, $"SEARCH/REPLACE block {blocks.Count + 1} is not closed before the next SEARCH starts");
                }
                search = [];
            }
            else if (search is not null && replace is null && DividerMarker().IsMatch(line))
            {
                replace = [];
            }
            else if (replace is not null && ReplaceMarker().IsMatch(line))
            {
                blocks.Add(new SearchReplaceBlock(search!, replace));
                search = null;
                replace = null;
            }
            else
            {
                (replace ?? search)?.Add(line);
            }
        }
        if (search is not null)
        {
            string missing = replace is null ? "its ======= line and >>>>>>> REPLACE" : ">>>>>>> REPLACE";
            return (blocks, $"SEARCH/REPLACE block {blocks.Count + 1} is not closed: {missing} never came (was the reply cut off?)");
        }
        return (blocks, null);
    }

    [GeneratedRegex(@"^\s*<{5,9}\s*SEARCH\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex SearchMarker();

    [GeneratedRegex(@"^\s*={5,9}\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DividerMarker();

    [GeneratedRegex(@"^\s*>{5,9}\s*REPLACE\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ReplaceMarker();
}
