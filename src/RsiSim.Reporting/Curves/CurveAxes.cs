using RsiSim.Core.Budgets;
using RsiSim.Reporting.Comparing;

namespace RsiSim.Reporting.Curves;

/// <summary>The names, labels and values of the curve axes, and which of them a set of runs recorded.</summary>
public static class CurveAxes
{
    private static readonly Dictionary<CurveAxis, string> Names = new()
    {
        [CurveAxis.Attempts] = "attempts",
        [CurveAxis.Wall] = "wall",
        [CurveAxis.Tokens] = "tokens",
        [CurveAxis.Cost] = "cost",
        [CurveAxis.Hours] = "hours",
    };

    public static IReadOnlyList<CurveAxis> All { get; } = Enum.GetValues<CurveAxis>();

    /// <summary>The name on the command line and in file names: attempts, wall, tokens, cost, hours.</summary>
    public static string ToName(this CurveAxis axis) => Names[axis];

    /// <summary>The axis with this name (any case), or null.</summary>
    public static CurveAxis? TryParse(string name) =>
        All.Where(axis => string.Equals(Names[axis], name, StringComparison.OrdinalIgnoreCase)).Select(axis => (CurveAxis?)axis).FirstOrDefault();

    /// <summary>What the axis measures, for titles: "attempts", "wall time", "tokens", "cost", "simulated hours".</summary>
    public static string Title(this CurveAxis axis) => axis switch
    {
        CurveAxis.Wall => "wall time",
        CurveAxis.Hours => "simulated hours",
        _ => axis.ToName(),
    };

    /// <summary>True for the axes that measure time, where the human expert's 4 to 8 hours can be drawn.</summary>
    public static bool IsTime(this CurveAxis axis) => axis is CurveAxis.Wall or CurveAxis.Hours;

    /// <summary>The cumulative amount a trial had spent on this axis: attempts, seconds, tokens, money or simulated hours.</summary>
    public static double ValueOf(this CurveAxis axis, BudgetUsage spent)
    {
        ArgumentNullException.ThrowIfNull(spent);
        return axis switch
        {
            CurveAxis.Attempts => spent.Attempts,
            CurveAxis.Wall => spent.Wall.TotalSeconds,
            CurveAxis.Tokens => spent.Tokens,
            CurveAxis.Cost => (double)spent.Money,
            CurveAxis.Hours => spent.SimulatedHours,
            _ => throw new ArgumentOutOfRangeException(nameof(axis), axis, null),
        };
    }

    /// <summary>The axes the arms recorded: attempts whenever there is an attempt, the others when some attempt spent more than zero.</summary>
    public static IReadOnlyList<CurveAxis> Recorded(IEnumerable<ReportedArm> arms)
    {
        var spent = arms.SelectMany(a => a.Attempts).Select(a => a.Record.Spent).ToList();
        return [.. All.Where(axis => spent.Any(s => axis.ValueOf(s) > 0))];
    }
}
