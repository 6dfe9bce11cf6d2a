using System.Globalization;
using RsiSim.Agents.Llm.Options;

namespace RsiSim.Agents.Llm.Replies;

/// <summary>Turns a model's reply into the next candidate source: the whole file from its csharp block, or its SEARCH/REPLACE blocks applied to the base.</summary>
internal static class ReplyParser
{
    private const int DescriptionLength = 200;

    public static EditOutcome Apply(string reply, string baseSource, EditFormat format, string? finishReason, int maxOutputTokens)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(baseSource);
        if (string.IsNullOrWhiteSpace(reply))
        {
            return EditOutcome.Failed("the reply is empty" + CutOff(finishReason, maxOutputTokens));
        }
        var lines = reply.ReplaceLineEndings("\n").Split('\n');
        var outcome = format == EditFormat.SearchReplace ? SearchReplace(lines, baseSource, finishReason, maxOutputTokens) : WholeFile(lines, finishReason, maxOutputTokens);
        if (outcome.Source is { } source && Same(source, baseSource))
        {
            return EditOutcome.Failed("the edit leaves the file unchanged");
        }
        return outcome;
    }

    private static EditOutcome WholeFile(string[] lines, string? finishReason, int maxOutputTokens)
    {
        var blocks = FencedBlocks.Find(lines);
        var code = blocks.Where(b => b.IsCSharp).ToList() is { Count: > 0 } csharp ? csharp : blocks.Where(b => b.Language.Length == 0).ToList();
        if (code.FirstOrDefault(b => !b.Closed) is { } open)
        {
            return EditOutcome.Failed(string.Create(CultureInfo.InvariantCulture,
                $"the code block opened at line {open.FirstLine} of the reply is never closed: the file is cut off{CutOff(finishReason, maxOutputTokens)}"));
        }
        if (code.Count == 0)
        {
            return EditOutcome.Failed("the reply has no ```csharp block with the whole file" + CutOff(finishReason, maxOutputTokens));
        }
        var chosen = code.MaxBy(b => b.Code.Length)!;
        return EditOutcome.Applied(chosen.Code, Describe(lines, blocks, "the whole file rewritten"));
    }

    private static EditOutcome SearchReplace(string[] lines, string baseSource, string? finishReason, int maxOutputTokens)
    {
        var (blocks, error) = SearchReplaceParser.Parse(lines);
        if (error is not null)
        {
            return EditOutcome.Failed(error + CutOff(finishReason, maxOutputTokens));
        }
        if (blocks.Count == 0)
        {
            // A model that answers with the whole file anyway has still answered.
            var whole = WholeFile(lines, finishReason, maxOutputTokens);
            return whole.Succeeded ? whole : EditOutcome.Failed("the reply has no SEARCH/REPLACE block" + CutOff(finishReason, maxOutputTokens));
        }
        var source = baseSource.ReplaceLineEndings("\n").Split('\n').ToList();
        for (int i = 0; i < blocks.Count; i++)
        {
            var (next, failure) = SearchReplaceApplier.Apply(source, blocks[i]);
            if (next is null)
            {
                return EditOutcome.Failed(string.Create(CultureInfo.InvariantCulture, $"SEARCH/REPLACE block {i + 1} of {blocks.Count} cannot be applied: {failure}"));
            }
            source = next;
        }
        string edits = blocks.Count == 1 ? "1 SEARCH/REPLACE edit" : string.Create(CultureInfo.InvariantCulture, $"{blocks.Count} SEARCH/REPLACE edits");
        return EditOutcome.Applied(string.Join('\n', source), Describe(lines, FencedBlocks.Find(lines), edits));
    }

    // The model's own words before its code, as the attempt's description.
    private static string Describe(string[] lines, IReadOnlyList<FencedBlock> blocks, string fallback)
    {
        int end = blocks.Count > 0 ? blocks[0].FirstLine - 1 : lines.Length;
        int firstEdit = Array.FindIndex(lines, l => l.TrimStart().StartsWith("<<<<<<<", StringComparison.Ordinal));
        end = firstEdit >= 0 && firstEdit < end ? firstEdit : end;
        string words = string.Join(' ', lines.Take(end).Select(l => l.Trim().TrimStart('#', '*', '-', ' ')).Where(l => l.Length > 0));
        if (words.Length == 0)
        {
            return fallback;
        }
        return words.Length <= DescriptionLength ? words : words[..(DescriptionLength - 3)] + "...";
    }

    private static bool Same(string a, string b) =>
        string.Equals(a.ReplaceLineEndings("\n").TrimEnd(), b.ReplaceLineEndings("\n").TrimEnd(), StringComparison.Ordinal);

    private static string CutOff(string? finishReason, int maxOutputTokens) =>
        string.Equals(finishReason, "length", StringComparison.OrdinalIgnoreCase)
            ? string.Create(CultureInfo.InvariantCulture, $" (the reply stopped at the output limit of {maxOutputTokens} tokens)")
            : "";
}
