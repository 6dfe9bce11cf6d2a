using System.Globalization;
using RsiSim.Core.Evaluations;

namespace RsiSim.Benchmarks.Evaluation;

/// <summary>One evaluation's overhead and its parts, in seconds.</summary>
/// <param name="Overhead">Edit plus evaluation wall time, minus the timed regions.</param>
/// <param name="Edit">Applying the moves to the reference source.</param>
/// <param name="BeforeOpen">From the evaluation's start to opening the workers: compile, policy, and the wait for the
/// workers started ahead where their start is the longer.</param>
/// <param name="Start">The workers' start to their hello, beside the compile (inside <paramref name="BeforeOpen"/>).</param>
/// <param name="Host">In the host after the workers are open, outside the run calls: checks, bootstrap, the timing gate.</param>
/// <param name="Open">Loading both programs into their workers.</param>
/// <param name="HandOver">The run calls beyond their timed regions: preparing the data, handing the output back, the settle window.</param>
/// <param name="Runs">Run calls of either side, warm-up included.</param>
/// <param name="Close">Stopping both workers.</param>
/// <param name="Timed">The timed regions themselves (not overhead), for scale.</param>
/// <param name="Stretch">The reference's first warm-up run less its second: how much longer the first took. Counted in
/// <paramref name="Overhead"/> where that run went beside the candidate worker's start
/// (<see cref="RsiSim.Evaluation.Sandbox.SandboxOptions.FirstRunBesideStart"/>), as the part of the start it hid; shown either way.</param>
/// <param name="StretchCounted">Whether <paramref name="Stretch"/> is in <paramref name="Overhead"/>.</param>
internal sealed record OverheadRow(
    double Overhead, double Edit, double BeforeOpen, double Start, double Host, double Open, double HandOver, int Runs, double Close, double Timed,
    double Stretch, bool StretchCounted)
{
    public static OverheadRow From(double edit, double wall, RunLedger ledger)
    {
        bool firstRunBesideStart = ledger.FirstRunBesideStart;
        double handling = ledger.RunCallSeconds - ledger.TimedSeconds;
        double host = wall - ledger.BeforeOpenSeconds - ledger.OpenSeconds - ledger.RunCallSeconds - ledger.CloseSeconds;
        double stretch = ledger.BaselineSeconds.Count >= 2 ? ledger.BaselineSeconds[0] - ledger.BaselineSeconds[1] : 0;
        double overhead = edit + wall - ledger.TimedSeconds + (firstRunBesideStart ? stretch : 0);
        return new(overhead, edit, ledger.BeforeOpenSeconds, ledger.StartSeconds, host, ledger.OpenSeconds, handling, ledger.RunCalls, ledger.CloseSeconds, ledger.TimedSeconds,
            stretch, firstRunBesideStart);
    }

    public static OverheadRow Median(IReadOnlyList<OverheadRow> rows) => new(
        Median(rows, r => r.Overhead), Median(rows, r => r.Edit), Median(rows, r => r.BeforeOpen), Median(rows, r => r.Start), Median(rows, r => r.Host),
        Median(rows, r => r.Open), Median(rows, r => r.HandOver), rows[0].Runs, Median(rows, r => r.Close), Median(rows, r => r.Timed),
        Median(rows, r => r.Stretch), rows.Count(r => r.StretchCounted) * 2 > rows.Count);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"overhead {Overhead * 1000:0} ms = edit {Edit * 1000:0.0} + compile and policy {BeforeOpen * 1000:0} (workers' start beside it {Start * 1000:0}) + load {Open * 1000:0} + hand-over of {Runs} runs {HandOver * 1000:0} + host (checks, bootstrap) {Host * 1000:0} + stop {Close * 1000:0} ms")
        + string.Create(CultureInfo.InvariantCulture, $"{(StretchCounted ? " + " : "; not counted: ")}reference's first warm-up{(StretchCounted ? " beside the start" : "")}, longer than its second by {Stretch * 1000:0} ms; timed regions {Timed * 1000:0} ms");

    private static double Median(IReadOnlyList<OverheadRow> rows, Func<OverheadRow, double> part) => Statistics.Median(rows.Select(part));
}
