using RsiSim.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RsiSim.Cli.Commands;

/// <summary><c>rsisim validate &lt;scenario.yaml&gt;</c>: every error of a scenario, with YAML paths and lines; runs nothing.</summary>
internal sealed class ValidateCommand : Command<ScenarioSettings>
{
    public override int Execute(CommandContext context, ScenarioSettings settings, CancellationToken cancellationToken)
    {
        using var loggers = Logging.Create(verbose: false);
        using var composition = new Composition(loggers);
        var result = ScenarioFiles.Load(composition, settings.Scenario);
        if (result.Scenario is not { } scenario || !LlmArmChecks.Report(scenario, settings.Scenario, starting: false))
        {
            return ExitCodes.Failed;
        }
        AnsiConsole.MarkupLineInterpolated(
            $"[green]valid[/]: {scenario.Name}: {scenario.TaskId}/{scenario.Size}, {scenario.Arms.Length} arm(s) x {scenario.Trials} trial(s), seed {scenario.Seed}");
        return ExitCodes.Success;
    }
}
