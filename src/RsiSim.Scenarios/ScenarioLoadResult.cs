using System.Diagnostics.CodeAnalysis;
using RsiSim.Core.Runs;

namespace RsiSim.Scenarios;

/// <summary>What loading a scenario gave: the scenario when there is no error, else every error; warnings either way.</summary>
public sealed record ScenarioLoadResult
{
    /// <summary>The validated scenario; null exactly when <see cref="Errors"/> is not empty.</summary>
    public Scenario? Scenario { get; init; }

    public IReadOnlyList<ScenarioError> Errors { get; init; } = [];

    /// <summary>Problems that do not stop a run, such as a budget that may never run out.</summary>
    public IReadOnlyList<ScenarioError> Warnings { get; init; } = [];

    /// <summary>The decoded text, empty when the file could not be read.</summary>
    public string SourceText { get; init; } = "";

    /// <summary>The name used in messages: the file path as given, or the name passed with the text.</summary>
    public string SourceName { get; init; } = "";

    [MemberNotNullWhen(true, nameof(Scenario))]
    public bool Succeeded => Scenario is not null;

    /// <summary>Every error, then every warning, one line each, ready for a terminal.</summary>
    public IEnumerable<string> FormatMessages() =>
        Errors.OrderBy(e => e.Line).ThenBy(e => e.Column).Select(e => e.Format(SourceName))
            .Concat(Warnings.Select(w => w.Format(SourceName, "warning")));
}
