using System.ComponentModel;
using Spectre.Console.Cli;

namespace RsiSim.Cli.Commands;

/// <summary>The scenario file argument that run and validate share.</summary>
internal class ScenarioSettings : CommandSettings
{
    [CommandArgument(0, "<scenario>")]
    [Description("The scenario YAML file (see docs/scenario-format.md).")]
    public string Scenario { get; init; } = "";
}
