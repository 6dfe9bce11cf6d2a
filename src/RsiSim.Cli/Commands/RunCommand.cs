using System.ComponentModel;
using Spectre.Console.Cli;

namespace RsiSim.Cli.Commands;

/// <summary><c>rsisim run &lt;scenario.yaml&gt;</c>: runs every arm x trial and records it in a run folder.</summary>
internal sealed class RunCommand : AsyncCommand<RunCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<scenario>")]
        [Description("The scenario YAML file.")]
        public string Scenario { get; init; } = "";
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        throw new NotSupportedException("run is wired once the scenario loader and the run store land");
}
