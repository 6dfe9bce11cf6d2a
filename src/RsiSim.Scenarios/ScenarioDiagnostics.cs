using YamlDotNet.Core;

namespace RsiSim.Scenarios;

/// <summary>Collects the errors and warnings of one load, each with its YAML path and position.</summary>
internal sealed class ScenarioDiagnostics
{
    /// <summary>Past this many errors the rest are most likely echoes of the first ones.</summary>
    public const int MaxErrors = 100;

    private readonly List<ScenarioError> _errors = [];
    private readonly List<ScenarioError> _warnings = [];
    private int _dropped;

    public bool HasErrors => _errors.Count > 0;

    public int ErrorCount => _errors.Count + _dropped;

    public IReadOnlyList<ScenarioError> Errors => _dropped == 0
        ? [.. _errors]
        : [.. _errors, new ScenarioError(ScenarioError.YamlPath, 0, 0, $"{_dropped} more errors not shown")];

    public IReadOnlyList<ScenarioError> Warnings => [.. _warnings];

    public void Error(string path, Mark at, string message) => Error(path, Line(at), Column(at), message);

    public void Error(string path, int line, int column, string message)
    {
        if (_errors.Count >= MaxErrors)
        {
            _dropped++;
            return;
        }
        _errors.Add(new ScenarioError(path, line, column, message));
    }

    public void Warning(string path, Mark at, string message) =>
        _warnings.Add(new ScenarioError(path, Line(at), Column(at), message));

    private static int Line(Mark at) => (int)Math.Clamp(at.Line, 0, int.MaxValue);

    private static int Column(Mark at) => (int)Math.Clamp(at.Column, 0, int.MaxValue);
}
