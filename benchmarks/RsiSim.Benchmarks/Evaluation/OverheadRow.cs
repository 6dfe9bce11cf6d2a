using System.Globalization;
using RsiSim.Core.Evaluations;

namespace RsiSim.Benchmarks.Evaluation;

/// <summary>One evaluation's overhead and its parts, in seconds.</summary>
/// <param name="Overhead">Edit plus evaluation wall time, minus the timed regions.</param>
/// <param name="Edit">Applying the moves to the reference source.</param>
/// <param name="Host">In the host, outside the workers: compile, policy, checks, bootstrap, the timing gate.</param>
/// <param name="Open">Starting both worker processes and loading both programs.</param>
/// <param name="HandOver">The run calls beyond their timed regions: preparing the data, handing the output back, the settle window.</param>
/// <param name="Runs">Run calls of either side, warm-up included.</param>
/// <param name="Close">Stopping both workers.</param>
/// <param name="Timed">The timed regions themselves (not overhead), for scale.</param>
internal sealed record OverheadRow(double Overhead, double Edit, double Host, double Open, double HandOver, int Runs, double Close, double Timed)
{
    public static OverheadRow From(double edit, double wall, RunLedger ledger)
    {
        double handling = ledger.RunCallSeconds - ledger.TimedSeconds;
        double host = wall - ledger.OpenSeconds - ledger.RunCallSeconds - ledger.CloseSeconds;
        return new(edit + wall - ledger.TimedSeconds, edit, host, ledger.OpenSeconds, handling, ledger.RunCalls, ledger.CloseSeconds, ledger.TimedSeconds);
    }

    public static OverheadRow Median(IReadOnlyList<OverheadRow> rows) => new(
        Statistics.Median(rows.Select(r => r.Overhead)), Statistics.Median(rows.Select(r => r.Edit)), Statistics.Median(rows.Select(r => r.Host)),
        Statistics.Median(rows.Select(r => r.Open)), Statistics.Median(rows.Select(r => r.HandOver)), rows[0].Runs, Statistics.Median(rows.Select(r => r.Close)),
        Statistics.Median(rows.Select(r => r.Timed)));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"overhead {Overhead * 1000:0} ms = edit {Edit * 1000:0.0} + host (compile, policy, checks) {Host * 1000:0} + workers start and load {Open * 1000:0} + hand-over of {Runs} runs {HandOver * 1000:0} + stop {Close * 1000:0} ms; timed regions {Timed * 1000:0} ms");
}
