using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RsiSim.Scenarios.Values;

/// <summary>How messages name what a YAML node holds: "a list", "nothing", "'gredy'".</summary>
internal static class NodeText
{
    private const int MaxQuoted = 40;

    /// <summary>An unquoted empty value, "~" or "null": YAML's way of writing nothing.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    public static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode list => list.Children.Count == 0 ? "an empty list" : "a list",
        YamlMappingNode mapping => mapping.Children.Count == 0 ? "an empty mapping" : "a mapping",
        YamlScalarNode scalar when !IsNull(scalar) => Quote(scalar.Value ?? ""),
        _ => "nothing",
    };

    /// <summary>The text in single quotes, control characters escaped and long text cut short.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder("'");
        foreach (var c in text.Length > MaxQuoted ? text[..MaxQuoted] : text)
        {
            if (char.IsControl(c))
            {
                builder.Append($"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.Append(text.Length > MaxQuoted ? "...'" : "'").ToString();
    }

    /// <summary>"unknown agent 'gredy' (did you mean 'greedy'?)", or with the known names listed when nothing is close.</summary>
    public static string Unknown(string what, string value, IReadOnlyCollection<string> known, string? owner = null)
    {
        ArgumentNullException.ThrowIfNull(known);
        var hint = DidYouMean.Hint(value, known);
        var head = owner is null ? $"unknown {what} {Quote(value)}" : $"unknown {what} {Quote(value)} of {owner}";
        return hint.Length > 0 || known.Count == 0 ? head + hint : $"{head}; expected one of: {string.Join(", ", known)}";
    }
}
