using System.Globalization;
using System.Text.Json;
using RsiSim.Core.Attempts;
using RsiSim.Core.Evaluations;
using RsiSim.Core.Moves;
using RsiSim.Evaluation.Landscape;
using Spectre.Console;

namespace RsiSim.Cli.Rendering;

/// <summary>The measured landscape as a terminal table or JSON.</summary>
internal static class LandscapeView
{
    public static void Write(IAnsiConsole console, LandscapeReport report)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"{report.TaskId}/{report.Size}: each move alone (with its requirements) and its share of the expert")
            .AddColumn("move").AddColumn("kind").AddColumn("tier").AddColumn("layer")
            .AddColumn(new TableColumn("alone").RightAligned()).AddColumn(new TableColumn("95% CI").RightAligned())
            .AddColumn(new TableColumn("in expert").RightAligned());
        foreach (var entry in report.Entries)
        {
            table.AddRow(
                entry.Move.Id,
                entry.Move.Kind == MoveKind.Correct ? "correct" : "[red]wrong[/]",
                entry.Move.Tier.ToString(CultureInfo.InvariantCulture),
                entry.Move.Layer,
                Outcome(entry.Alone),
                entry.Alone.Timing is { } t && entry.Alone.Status == EvaluationStatus.Passed ? string.Create(CultureInfo.InvariantCulture, $"{t.Low:0.00}-{t.High:0.00}") : "",
                entry.Contribution is { } c ? string.Create(CultureInfo.InvariantCulture, $"x{c:0.00}") : "");
        }
        console.Write(table);
        console.MarkupLineInterpolated($"expert composition: [bold]{Outcome(report.Expert)}[/]  ({report.Expert.Summary})");
        if (report.HumanExpert is { } human)
        {
            console.MarkupLineInterpolated($"human-expert set:   [bold]{Outcome(human)}[/]");
        }
        console.WriteLine("'in expert' is the expert's speedup over the expert without that move (and without what requires it).");
    }

    public static string ToJson(LandscapeReport report) => JsonSerializer.Serialize(new
    {
        task = report.TaskId,
        size = report.Size,
        expert = Summary(report.Expert),
        humanExpert = report.HumanExpert is null ? null : Summary(report.HumanExpert),
        moves = report.Entries.Select(e => new
        {
            id = e.Move.Id,
            kind = e.Move.Kind == MoveKind.Correct ? "correct" : "wrong",
            tier = e.Move.Tier,
            layer = e.Move.Layer,
            alone = Summary(e.Alone),
            contribution = e.Contribution,
        }),
    }, CliJson.Options);

    private static object Summary(EvaluationResult evaluation) => new
    {
        status = evaluation.Status.ToName(),
        speedup = evaluation.Speedup,
        low = evaluation.Timing?.Low,
        high = evaluation.Timing?.High,
        summary = evaluation.Summary,
    };

    private static string Outcome(EvaluationResult evaluation) => evaluation.Speedup is { } speedup
        ? string.Create(CultureInfo.InvariantCulture, $"{speedup:0.00}x")
        : Markup.Escape(evaluation.Status.ToName());
}
