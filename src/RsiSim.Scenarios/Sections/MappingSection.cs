using RsiSim.Scenarios.Values;
using YamlDotNet.RepresentationModel;

namespace RsiSim.Scenarios.Sections;

/// <summary>A YAML mapping read as a section: looks keys up, reports unknown and missing ones with their paths.</summary>
internal sealed class MappingSection
{
    private readonly ScenarioDiagnostics _diagnostics;

    private MappingSection(YamlMappingNode node, string path, ScenarioDiagnostics diagnostics)
    {
        Node = node;
        Path = path;
        _diagnostics = diagnostics;
    }

    public YamlMappingNode Node { get; }

    public string Path { get; }

    /// <summary>The entries whose keys are scalars; other keys are reported by <see cref="RejectUnknownKeys"/>.</summary>
    public IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> Entries =>
        Node.Children.Where(e => e.Key is YamlScalarNode).Select(e => (((YamlScalarNode)e.Key).Value ?? "", e.Key, e.Value));

    /// <summary>
    /// The node as a section, or null after reporting "expected {expected}, found ...". With <paramref name="keys"/>,
    /// every other key is reported as unknown.
    /// </summary>
    public static MappingSection? Open(YamlNode node, string path, string expected, ScenarioDiagnostics diagnostics, IReadOnlyCollection<string>? keys = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (node is YamlMappingNode mapping)
        {
            var section = new MappingSection(mapping, path, diagnostics);
            if (keys is not null)
            {
                section.RejectUnknownKeys(keys);
            }
            return section;
        }
        diagnostics.Error(path, node.Start, $"expected {expected}, found {NodeText.Describe(node)}");
        return null;
    }

    public static MappingSection Root(YamlMappingNode node, ScenarioDiagnostics diagnostics) => new(node, "", diagnostics);

    public string PathOf(string key) => YamlPaths.Key(Path, key);

    public YamlNode? Find(string key) => Entries.FirstOrDefault(e => e.Key == key).Value;

    /// <summary>The value of a key that must be there, or null after reporting it missing at the mapping's start.</summary>
    public YamlNode? Require(string key, string why)
    {
        var value = Find(key);
        if (value is null)
        {
            _diagnostics.Error(PathOf(key), Node.Start, $"'{key}' is missing: {why}");
        }
        return value;
    }

    /// <summary>Reports every key not in <paramref name="known"/>, with "did you mean" or the list of known keys.</summary>
    public void RejectUnknownKeys(IReadOnlyCollection<string> known, string what = "key", string? owner = null)
    {
        ArgumentNullException.ThrowIfNull(known);
        foreach (var key in Node.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                _diagnostics.Error(PathOf("?"), key.Start, $"a {what} must be a plain name, found {NodeText.Describe(key)}");
            }
            else if (!known.Contains(name, StringComparer.Ordinal))
            {
                _diagnostics.Error(PathOf(name), key.Start, NodeText.Unknown(what, name, known, owner));
            }
        }
    }
}
