using RsiSim.Scenarios.Values;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RsiSim.Scenarios.Reading;

/// <summary>Turns checked YAML text into the one mapping a scenario is, keeping every node's position.</summary>
internal static class YamlDocumentLoader
{
    public static YamlMappingNode? Load(string text, ScenarioDiagnostics diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            // The preflight has seen the syntax; what is left is the model's own checks, such as an alias with no anchor.
            diagnostics.Error(ScenarioError.YamlPath, e.Start, $"YAML error: {e.Message.TrimEnd('.')}");
            return null;
        }
        if (stream.Documents.Count == 0)
        {
            diagnostics.Error(ScenarioError.FilePath, 1, 1, "the file holds no scenario, only comments or blank lines");
            return null;
        }
        if (stream.Documents.Count > 1)
        {
            diagnostics.Error(ScenarioError.YamlPath, stream.Documents[1].RootNode.Start,
                $"a scenario file holds one YAML document, this one holds {stream.Documents.Count}; remove the '---' separators");
            return null;
        }
        var root = stream.Documents[0].RootNode;
        if (root is not YamlMappingNode mapping)
        {
            diagnostics.Error(ScenarioError.YamlPath, root.Start,
                $"a scenario is a mapping of keys (name, task, budget, arms, ...), this file holds {NodeText.Describe(root)}");
            return null;
        }
        return mapping;
    }
}
