using System.Globalization;
using RsiSim.Agents.Persona;
using RsiSim.Core.Evaluations;
using Spectre.Console;

namespace RsiSim.Cli.Rendering;

/// <summary>After a run with persona arms: each persona's average best speedup against the published figure it
/// stands for, and the hours a simulated human expert takes to reach 4x against the published 4 to 8.</summary>
internal static class PublishedComparison
{
    /// <summary>How far a replayed figure may be from the published one, as a ratio, and still count as reproduced.</summary>
    public const double Tolerance = 0.25;

    /// <summary>The published range of hours a skilled human needs for 4x.</summary>
    public static (double Low, double High) HumanHours { get; } = (4, 8);

    public sealed record Row(string Arm, string Profile, string Released, double Published, double Measured)
    {
        public double Ratio => Measured / Published;

        public bool Within => Ratio >= 1 / (1 + Tolerance) && Ratio <= 1 + Tolerance;
    }

    /// <summary>One row per persona arm whose profile has a published figure (its capability may be overridden, as calibrate
    /// does) and whose loop is the plain one: the published figures were not measured in a compounding loop.</summary>
    public static IReadOnlyList<Row> Rows(IReadOnlyList<ArmProgress> arms) =>
    [
        .. from arm in arms
           let profile = arm.Profile is { } name ? PersonaProfiles.Find(name) : null
           where profile?.PublishedSpeedup is not null && IsPlainLoop(arm.Compounding)
           select new Row(arm.Name, profile.Name, profile.Released, profile.PublishedSpeedup!.Value, arm.MeanBest),
    ];

    /// <summary>Whether an arm with this compounding alpha runs the loop the published figures come from.</summary>
    public static bool IsPlainLoop(double compounding) => compounding == 0;

    /// <summary>Persona arms with a published figure left out of the comparison because their loop compounds.</summary>
    public static IEnumerable<ArmProgress> Compounding(IReadOnlyList<ArmProgress> arms) =>
        arms.Where(a => !IsPlainLoop(a.Compounding) && a.Profile is { } name && (PersonaProfiles.Find(name)?.PublishedSpeedup is not null || name == "human-expert"));

    /// <summary>The median trial's simulated hours to 4x, or null when the median trial never got there.</summary>
    public static double? MedianHoursToTarget(ArmProgress arm)
    {
        ArgumentNullException.ThrowIfNull(arm);
        double median = Statistics.Median(arm.HoursToTarget.Select(h => h ?? double.PositiveInfinity));
        return double.IsPositiveInfinity(median) ? null : median;
    }

    /// <summary>Plain-loop arms with the human-expert profile: the published 4 to 8 hours were not spent in a compounding loop.</summary>
    public static IEnumerable<ArmProgress> Humans(IReadOnlyList<ArmProgress> arms) => arms.Where(a => a.Profile == "human-expert" && IsPlainLoop(a.Compounding));

    public static void Write(IAnsiConsole console, IReadOnlyList<ArmProgress> arms)
    {
        ArgumentNullException.ThrowIfNull(console);
        var rows = Rows(arms);
        if (rows.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded).Title("Against the published average best speedups")
                .AddColumn("arm").AddColumn("profile").AddColumn("released")
                .AddColumn(new TableColumn("published").RightAligned()).AddColumn(new TableColumn("measured (mean best)").RightAligned())
                .AddColumn(new TableColumn("ratio").RightAligned()).AddColumn("within ±25%");
            foreach (var row in rows)
            {
                table.AddRow(
                    Markup.Escape(row.Arm), Markup.Escape(row.Profile), row.Released,
                    row.Published.ToString("0.00x", CultureInfo.InvariantCulture),
                    row.Measured.ToString("0.00x", CultureInfo.InvariantCulture),
                    row.Ratio.ToString("0.00", CultureInfo.InvariantCulture),
                    row.Within ? "[green]yes[/]" : "[red]no[/]");
            }
            console.Write(table);
            console.MarkupLineInterpolated($"{rows.Count(r => r.Within)} of {rows.Count} within ±25%. Refit to this machine's landscape with: rsisim calibrate <scenario>");
        }
        var compounding = Compounding(arms).Select(a => a.Name).ToList();
        if (compounding.Count > 0)
        {
            console.MarkupLineInterpolated($"Not compared with the published figures, which are of the plain loop: {string.Join(", ", compounding)} (compounding loop).");
        }
        foreach (var human in Humans(arms))
        {
            console.MarkupLine(HumanLine(human));
        }
    }

    public static string HumanLine(ArmProgress human)
    {
        ArgumentNullException.ThrowIfNull(human);
        int reached = human.HoursToTarget.Count(h => h is not null);
        string inRange = MedianHoursToTarget(human) is { } hours
            ? string.Create(CultureInfo.InvariantCulture, $"its median trial reaches 4x after {hours:0.0} simulated hours") +
              (hours >= HumanHours.Low && hours <= HumanHours.High ? " [green](published: 4 to 8 hours)[/]" : " [red](published: 4 to 8 hours)[/]")
            : "its median trial does not reach 4x within the budget [red](published: 4 to 8 hours)[/]";
        return $"{Markup.Escape(human.Name)}: {inRange}; {reached} of {human.Trials} trials reached 4x.";
    }
}
