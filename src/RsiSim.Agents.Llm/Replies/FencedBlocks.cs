namespace RsiSim.Agents.Llm.Replies;

/// <summary>Finds the fenced code blocks of a markdown reply, including one left open at the end (a cut-off reply).</summary>
internal static class FencedBlocks
{
    public static IReadOnlyList<FencedBlock> Find(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var blocks = new List<FencedBlock>();
        int? open = null;
        string fence = "";
        string language = "";
        for (int i = 0; i < lines.Count; i++)
        {
            string trimmed = lines[i].Trim();
            if (open is null)
            {
                if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal) && lines[i].Length - lines[i].TrimStart().Length <= 3)
                {
                    fence = new string('`', trimmed.TakeWhile(c => c == '`').Count());
                    language = trimmed[fence.Length..].Trim();
                    open = i;
                }
            }
            else if (trimmed.Length >= fence.Length && trimmed.All(c => c == '`'))
            {
                blocks.Add(new FencedBlock(language, Join(lines, open.Value + 1, i), Closed: true, open.Value + 1));
                open = null;
            }
        }
        if (open is not null)
        {
            blocks.Add(new FencedBlock(language, Join(lines, open.Value + 1, lines.Count), Closed: false, open.Value + 1));
        }
        return blocks;
    }

    private static string Join(IReadOnlyList<string> lines, int from, int to) => string.Join('\n', lines.Skip(from).Take(to - from)) + (to > from ? "\n" : "");
}
