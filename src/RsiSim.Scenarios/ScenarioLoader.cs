using System.Text;
using RsiSim.Core.Agents;
using RsiSim.Core.Tasks;
using RsiSim.Scenarios.Reading;
using RsiSim.Scenarios.Sections;

namespace RsiSim.Scenarios;

/// <summary>Loads a scenario file into a validated <see cref="Core.Runs.Scenario"/>, or reports every error in it at once.</summary>
/// <remarks>Bad input of any kind comes back as errors in the result; the loader throws only for a null argument.</remarks>
public sealed class ScenarioLoader
{
    /// <summary>The largest scenario file accepted, in bytes (1 MB).</summary>
    public const int MaxFileBytes = ScenarioFileReader.MaxBytes;

    private readonly ITaskCatalog _tasks;
    private readonly IAgentCatalog _agents;

    /// <param name="tasks">The tasks a scenario may name.</param>
    /// <param name="agents">The agent kinds an arm may name; their descriptors say which options each arm accepts.</param>
    public ScenarioLoader(ITaskCatalog tasks, IAgentCatalog agents)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(agents);
        _tasks = tasks;
        _agents = agents;
    }

    /// <summary>Reads and loads a file: a missing, empty, binary, non-UTF-8 or oversized file is an error in the result.</summary>
    public ScenarioLoadResult LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = ScenarioFileReader.Read(path);
        return file.Error is { } error
            ? new ScenarioLoadResult { Errors = [error], SourceName = path }
            : Load(file.Text!, path);
    }

    /// <summary>Loads scenario YAML already in memory; <paramref name="sourceName"/> names it in messages.</summary>
    public ScenarioLoadResult Load(string text, string sourceName = "scenario.yaml")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        var diagnostics = new ScenarioDiagnostics();
        var scenario = text.Length == 0 ? Refuse(diagnostics, "the file is empty")
            : Encoding.UTF8.GetByteCount(text) > MaxFileBytes ? Refuse(diagnostics, $"the text is larger than {MaxFileBytes:N0} bytes (1 MB)")
            : !YamlPreflight.Check(text, diagnostics) ? null
            : YamlDocumentLoader.Load(text, diagnostics) is { } root ? ScenarioReader.Read(root, new SectionContext(_tasks, _agents, diagnostics))
            : null;
        return new ScenarioLoadResult
        {
            Scenario = diagnostics.HasErrors ? null : scenario,
            Errors = diagnostics.Errors,
            Warnings = diagnostics.Warnings,
            SourceText = text,
            SourceName = sourceName,
        };
    }

    private static Core.Runs.Scenario? Refuse(ScenarioDiagnostics diagnostics, string message)
    {
        diagnostics.Error(ScenarioError.FilePath, 0, 0, message);
        return null;
    }
}
