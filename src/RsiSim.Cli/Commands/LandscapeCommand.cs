using RsiSim.Cli.Infrastructure;
using RsiSim.Cli.Rendering;
using RsiSim.Evaluation.Caching;
using RsiSim.Evaluation.Landscape;
using RsiSim.Evaluation.Sandbox;
using Spectre.Console;

namespace RsiSim.Cli.Commands;

/// <summary><c>rsisim tasks &lt;task&gt; --moves</c>: the measured landscape, timed once per machine and then read from the cache.</summary>
internal static class LandscapeCommand
{
    public static int Run(string taskId, string? size, bool remeasure, bool json, CancellationToken cancellationToken)
    {
        using var loggers = Logging.Create(verbose: false);
        using var composition = new Composition(loggers);
        var task = composition.FindTask(taskId);
        string chosen = size ?? task.DefaultSize;
        if (!task.Sizes.Contains(chosen, StringComparer.Ordinal))
        {
            throw new UserInputException($"unknown size '{chosen}' for {task.Id}; sizes: {string.Join(", ", task.Sizes)}");
        }
        var survey = new LandscapeSurvey(composition.CreateEvaluator(LandscapeMethod.Timing(repetitions: 5), Composition.PersistentCache(), composition.Sandboxed(LandscapeMethod.Sandbox)));
        var error = StandardError.Create();
        var progress = new Progress<string>(label => error.MarkupLineInterpolated($"[grey]measuring {label}...[/]"));
        var report = survey.MeasureAsync(task, chosen, remeasure, progress, cancellationToken).GetAwaiter().GetResult();
        if (json)
        {
            Console.Out.WriteLine(LandscapeView.ToJson(report));
        }
        else
        {
            LandscapeView.Write(AnsiConsole.Console, report);
        }
        return ExitCodes.Success;
    }
}
