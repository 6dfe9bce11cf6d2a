using System.Globalization;
using RsiSim.Cli.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace RsiSim.Cli.Commands;

/// <summary>Writes a scenario file back with each fitted arm's <c>capability</c> set, and a comment saying where it came from.</summary>
/// <remarks>Each capability is written exactly as measured (round-trip format): running the file must give the fitted figures.</remarks>
internal static class CalibratedScenario
{
    public static void Write(string source, string destination, IReadOnlyDictionary<string, double> capabilities, string provenance)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(source))
        {
            stream.Load(reader);
        }
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        if (!root.Children.TryGetValue(new YamlScalarNode("arms"), out var arms) || arms is not YamlSequenceNode sequence)
        {
            throw new UserInputException($"{source}: no arms sequence to write the capabilities into");
        }
        foreach (var arm in sequence.Children.OfType<YamlMappingNode>())
        {
            if (arm.Children.TryGetValue(new YamlScalarNode("name"), out var name) && name is YamlScalarNode { Value: { } armName }
                && capabilities.TryGetValue(armName, out double capability))
            {
                arm.Children[new YamlScalarNode("capability")] = new YamlScalarNode(capability.ToString("R", CultureInfo.InvariantCulture));
            }
        }
        string? directory = Path.GetDirectoryName(Path.GetFullPath(destination));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }
        using var yaml = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(yaml, assignAnchors: false);
        // The saved stream ends its one document with "..."; a scenario file does not need the marker.
        string text = yaml.ToString().TrimEnd();
        text = text.EndsWith("\n...", StringComparison.Ordinal) ? text[..^4] : text;
        File.WriteAllText(destination,
            $"# {provenance}\n# From {source}; each persona arm's capability was fitted to its published figure on this machine's landscape.\n{text}\n");
    }
}
