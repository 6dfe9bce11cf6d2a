using System.Collections.Immutable;
using YamlDotNet.RepresentationModel;

namespace RsiSim.Scenarios.Values;

/// <summary>Reads lists of texts and mappings of names to numbers, reporting each bad item at its own path.</summary>
internal sealed class CollectionReader(ScalarReader scalars, NumberReader numbers)
{
    public IReadOnlyList<string>? TextList(YamlNode node, string path)
    {
        if (node is not YamlSequenceNode list)
        {
            scalars.Diagnostics.Error(path, node.Start, $"expected a list of texts, found {NodeText.Describe(node)}");
            return null;
        }
        var items = list.Children.Select((item, i) => scalars.Text(item, YamlPaths.Index(path, i))).ToList();
        return items.Any(i => i is null) ? null : [.. items.Select(i => i!)];
    }

    public IReadOnlyDictionary<string, double>? NumberMap(YamlNode node, string path, Bounds<double> bounds, ImmutableArray<string> keys = default)
    {
        if (node is not YamlMappingNode mapping)
        {
            scalars.Diagnostics.Error(path, node.Start, $"expected a mapping of names to numbers, found {NodeText.Describe(node)}");
            return null;
        }
        var builder = ImmutableDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        var clean = true;
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = scalars.Text(keyNode, YamlPaths.Key(path, "?"));
            if (key is not null && !keys.IsDefaultOrEmpty && !keys.Contains(key, StringComparer.Ordinal))
            {
                scalars.Diagnostics.Error(YamlPaths.Key(path, key), keyNode.Start, $"unknown key '{key}'; expected one of {string.Join(", ", keys)}");
                clean = false;
                continue;
            }
            var value = key is null ? null : numbers.Number(valueNode, YamlPaths.Key(path, key), bounds);
            if (key is null || value is null)
            {
                clean = false;
                continue;
            }
            builder[key] = value.Value;
        }
        return clean ? builder.ToImmutable() : null;
    }
}
