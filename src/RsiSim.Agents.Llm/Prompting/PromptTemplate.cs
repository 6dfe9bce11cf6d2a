using System.Text.RegularExpressions;

namespace RsiSim.Agents.Llm.Prompting;

/// <summary>A prompt file with <c>{{name}}</c> placeholders, filled in one pass (filled text is never scanned again).</summary>
internal sealed partial class PromptTemplate(string text)
{
    public string Text => text;

    public bool Mentions(string name) => text.Contains("{{" + name + "}}", StringComparison.Ordinal);

    /// <summary>The text with every known placeholder replaced; unknown ones stay as written.</summary>
    public string Render(IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    /// <summary>A template embedded in this assembly, e.g. "system.prompt.md".</summary>
    public static PromptTemplate Embedded(string name)
    {
        using var stream = typeof(PromptTemplate).Assembly.GetManifestResourceStream("RsiSim.Agents.Llm.Prompts." + name)
            ?? throw new InvalidOperationException($"embedded prompt '{name}' is missing");
        using var reader = new StreamReader(stream);
        return new PromptTemplate(reader.ReadToEnd());
    }

    [GeneratedRegex(@"\{\{([a-z_]+)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
