using YamlDotNet.RepresentationModel;

namespace RsiSim.Scenarios.Values;

/// <summary>Reads texts, names, booleans, URLs and choices from YAML scalars, reporting what is wrong instead of throwing.</summary>
internal sealed class ScalarReader(ScenarioDiagnostics diagnostics)
{
    public const int MaxNameLength = 64;

    public ScenarioDiagnostics Diagnostics { get; } = diagnostics;

    /// <summary>The scalar's text, or null after reporting "expected {expected}, found ..." for a list, a mapping or nothing.</summary>
    public string? Scalar(YamlNode node, string path, string expected)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node is YamlScalarNode scalar && !NodeText.IsNull(node))
        {
            return scalar.Value ?? "";
        }
        Diagnostics.Error(path, node.Start, $"expected {expected}, found {NodeText.Describe(node)}");
        return null;
    }

    /// <summary>A text that is not blank.</summary>
    public string? Text(YamlNode node, string path)
    {
        var text = Scalar(node, path, "a text");
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            Diagnostics.Error(path, node.Start, "must not be empty");
            return null;
        }
        return text;
    }

    /// <summary>A name of ASCII letters, digits, '-', '_' and '.': safe in folder names, tables and charts.</summary>
    public string? Name(YamlNode node, string path)
    {
        var name = Scalar(node, path, "a name");
        if (name is null)
        {
            return null;
        }
        if (name.Length > MaxNameLength)
        {
            Diagnostics.Error(path, node.Start, $"a name is at most {MaxNameLength} characters, this one has {name.Length}");
            return null;
        }
        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            Diagnostics.Error(path, node.Start, $"{NodeText.Quote(name)} is not a valid name: use letters, digits, '-', '_' and '.' only");
            return null;
        }
        return name;
    }

    public bool? Boolean(YamlNode node, string path)
    {
        var text = Scalar(node, path, "true or false");
        if (text is null)
        {
            return null;
        }
        if (bool.TryParse(text, out var value))
        {
            return value;
        }
        Diagnostics.Error(path, node.Start, $"expected true or false, found {NodeText.Quote(text)}");
        return null;
    }

    /// <summary>An absolute http or https URL with a host.</summary>
    public string? Url(YamlNode node, string path)
    {
        var text = Scalar(node, path, "an http or https URL");
        if (text is null)
        {
            return null;
        }
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0)
        {
            return text;
        }
        Diagnostics.Error(path, node.Start, $"{NodeText.Quote(text)} is not an absolute http or https URL (such as http://127.0.0.1:11434/v1)");
        return null;
    }

    /// <summary>One of <paramref name="choices"/>, compared exactly; "did you mean" otherwise.</summary>
    public string? Choice(YamlNode node, string path, string what, IReadOnlyCollection<string> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        return Known(node, path, what, text => choices.Contains(text, StringComparer.Ordinal) ? text : null, choices);
    }

    /// <summary>The thing a catalog knows by the scalar's text, or null after "unknown {what} 'x' (did you mean 'y'?)".</summary>
    public T? Known<T>(YamlNode node, string path, string what, Func<string, T?> find, IEnumerable<string> names)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(find);
        ArgumentNullException.ThrowIfNull(names);
        var article = what.Length > 0 && "aeiou".Contains(what[0], StringComparison.Ordinal) ? "an" : "a";
        var text = Scalar(node, path, $"{article} {what}");
        if (text is null)
        {
            return null;
        }
        var found = find(text);
        if (found is null)
        {
            Diagnostics.Error(path, node.Start, NodeText.Unknown(what, text, [.. names]));
        }
        return found;
    }
}
