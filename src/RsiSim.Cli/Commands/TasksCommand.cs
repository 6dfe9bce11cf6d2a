using System.ComponentModel;
using System.Globalization;
using RsiSim.Cli.Infrastructure;
using RsiSim.Core.Moves;
using RsiSim.Core.Tasks;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RsiSim.Cli.Commands;

/// <summary><c>rsisim tasks [task]</c>: what tasks exist, their sizes and moves; <c>--compose</c> prints a candidate built from moves.</summary>
internal sealed class TasksCommand : Command<TasksCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[task]")]
        [Description("Show this task in detail.")]
        public string? Task { get; init; }

        [CommandOption("--compose <MOVES>")]
        [Description("Print the candidate source of the reference with these comma-separated moves applied.")]
        public string? Compose { get; init; }

        [CommandOption("--landmark <NAME>")]
        [Description("Print the candidate source of a landmark: expert, human-expert or mid-way.")]
        public string? Landmark { get; init; }

        [CommandOption("--rules")]
        [Description("Print the rules an agent is given.")]
        public bool Rules { get; init; }

        [CommandOption("--moves")]
        [Description("Measure (or read from the cache) each move's speedup alone and its contribution to the expert composition.")]
        public bool Moves { get; init; }

        [CommandOption("--size <SIZE>")]
        [Description("Size for --moves. Default: the task's default size.")]
        public string? Size { get; init; }

        [CommandOption("--remeasure")]
        [Description("With --moves: time everything again instead of reading the evaluation cache.")]
        public bool Remeasure { get; init; }

        [CommandOption("--json")]
        [Description("With --moves: print the landscape as JSON.")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Moves)
        {
            return LandscapeCommand.Run(settings.Task ?? throw new UserInputException("--moves needs a task, e.g. 'rsisim tasks tinylm --moves'"), settings.Size, settings.Remeasure, settings.Json, cancellationToken);
        }
        using var loggers = Logging.Create(verbose: false);
        using var composition = new Composition(loggers);
        if (settings.Task is null)
        {
            var table = new Table().AddColumn("task").AddColumn("sizes").AddColumn("moves").AddColumn("what it trains");
            foreach (var task in composition.Tasks.All)
            {
                table.AddRow(task.Id, string.Join(", ", task.Sizes), task.Moves.All.Length.ToString(CultureInfo.InvariantCulture), Markup.Escape(task.Title));
            }
            AnsiConsole.Write(table);
            return ExitCodes.Success;
        }
        var selected = composition.FindTask(settings.Task);
        if (settings.Compose is not null)
        {
            return PrintComposition(selected, settings.Compose);
        }
        if (settings.Landmark is not null)
        {
            var landmark = selected.Landmarks.FirstOrDefault(l => l.Name == settings.Landmark)
                ?? throw new UserInputException($"{selected.Id} has no landmark '{settings.Landmark}'; landmarks: {string.Join(", ", selected.Landmarks.Select(l => l.Name))}");
            return PrintComposition(selected, string.Join(',', landmark.Moves));
        }
        if (settings.Rules)
        {
            Console.Out.Write(selected.Rules);
            return ExitCodes.Success;
        }
        Describe(selected);
        return ExitCodes.Success;
    }

    private static int PrintComposition(ITask task, string moves)
    {
        var ids = moves.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        try
        {
            Console.Out.Write(task.Compose(ids));
            return ExitCodes.Success;
        }
        catch (MoveException ex)
        {
            throw new UserInputException($"cannot compose {moves}: {ex.Message}", ex);
        }
    }

    private static void Describe(ITask task)
    {
        AnsiConsole.MarkupLineInterpolated($"[bold]{task.Id}[/]: {task.Title}");
        foreach (var size in task.Sizes)
        {
            AnsiConsole.MarkupLineInterpolated($"  size {size}{(size == task.DefaultSize ? " (default)" : "")}: {task.FlopsPerRun(size) / 1e9:0.000} GFLOP per run");
        }
        var table = new Table().AddColumn("move").AddColumn("kind").AddColumn("tier").AddColumn("layer").AddColumn("requires").AddColumn("what it does");
        foreach (var move in task.Moves.All)
        {
            table.AddRow(
                move.Id,
                move.Kind == MoveKind.Correct ? "correct" : "[red]wrong[/]",
                move.Tier.ToString(CultureInfo.InvariantCulture),
                move.Layer,
                string.Join(", ", move.Requires),
                Markup.Escape(move.Title));
        }
        AnsiConsole.Write(table);
        foreach (var landmark in task.Landmarks)
        {
            AnsiConsole.MarkupLineInterpolated($"landmark [bold]{landmark.Name}[/] ({landmark.Moves.Length} moves): {landmark.Description}");
        }
        AnsiConsole.WriteLine("'rsisim tasks " + task.Id + " --rules' prints the rules agents get; '--compose a,b' or '--landmark expert' prints a candidate; '--moves' measures each move.");
    }
}
