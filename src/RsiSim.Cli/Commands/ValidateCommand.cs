using System.ComponentModel;
using Spectre.Console.Cli;

namespace RsiSim.Cli.Commands;

/// <summary><c>rsisim validate &lt;scenario.yaml&gt;</c>: every error of a scenario, with YAML paths and lines.</summary>
internal sealed class ValidateCommand : Command<ValidateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<scenario>")]
        [Description("The scenario YAML file.")]
        public string Scenario { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        throw new NotSupportedException("validate is wired once the scenario loader lands");
}
