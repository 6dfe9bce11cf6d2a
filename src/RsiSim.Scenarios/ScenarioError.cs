namespace RsiSim.Scenarios;

/// <summary>One problem in a scenario file: its YAML path, its 1-based line and column (0 when it has none) and what is wrong.</summary>
/// <param name="Path">A YAML path such as <c>arms[2].agent</c>, or <see cref="FilePath"/> / <see cref="YamlPath"/> for problems of the file or its syntax.</param>
/// <param name="Line">1-based line, or 0 when the problem has no place in the text (a missing or empty file).</param>
/// <param name="Column">1-based column, or 0 with <paramref name="Line"/>.</param>
/// <param name="Message">What is wrong, with a "did you mean" suggestion where one fits.</param>
public sealed record ScenarioError(string Path, int Line, int Column, string Message)
{
    /// <summary>The path of problems with the file itself: missing, empty, too large, binary, not UTF-8.</summary>
    public const string FilePath = "(file)";

    /// <summary>The path of YAML syntax errors and of a document that is not one mapping.</summary>
    public const string YamlPath = "(yaml)";

    /// <summary>
    /// "<c>source:line:column: path: message</c>", e.g. <c>quickstart.yaml:7:14: arms[2].agent: unknown agent 'gredy' (did you mean 'greedy'?)</c>.
    /// The line and column are left out when unknown, and a parenthesised path such as "(file)" is left out.
    /// </summary>
    public string Format(string source) => Format(source, label: null);

    /// <summary>As <see cref="Format(string)"/>, with a label such as "warning" after the location.</summary>
    internal string Format(string source, string? label)
    {
        var location = Line > 0 ? $"{source}:{Line}:{Column}: " : $"{source}: ";
        var labelled = label is null ? location : $"{location}{label}: ";
        return Path.StartsWith('(') ? $"{labelled}{Message}" : $"{labelled}{Path}: {Message}";
    }

    public override string ToString() => Format("scenario");
}
