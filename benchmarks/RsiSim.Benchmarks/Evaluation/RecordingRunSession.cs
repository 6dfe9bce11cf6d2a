using System.Diagnostics;
using RsiSim.Evaluation.Running;
using RsiSim.Tasks.Harness;

namespace RsiSim.Benchmarks.Evaluation;

/// <summary>A session that adds each run call's wall time and its timed seconds to a ledger.</summary>
internal sealed class RecordingRunSession(IRunSession inner, RunLedger ledger) : IRunSession
{
    public ValueTask<TimedRun> RunAsync(RunSide side, ulong seed, TimeSpan timeout, CancellationToken cancellationToken) =>
        RunAsync(side, seed, timeout, null, cancellationToken);

    public async ValueTask<TimedRun> RunAsync(RunSide side, ulong seed, TimeSpan timeout, Action<RunOutput>? whileSettling, CancellationToken cancellationToken)
    {
        long start = Stopwatch.GetTimestamp();
        var run = await inner.RunAsync(side, seed, timeout, whileSettling, cancellationToken).ConfigureAwait(false);
        ledger.RunCalls++;
        ledger.RunCallSeconds += Stopwatch.GetElapsedTime(start).TotalSeconds;
        ledger.TimedSeconds += run.Seconds;
        if (side == RunSide.Baseline)
        {
            ledger.BaselineSeconds.Add(run.Seconds);
        }
        return run;
    }

    public void Expect(RunSide side, ulong seed) => inner.Expect(side, seed);

    public async ValueTask DisposeAsync()
    {
        long start = Stopwatch.GetTimestamp();
        await inner.DisposeAsync().ConfigureAwait(false);
        ledger.CloseSeconds += Stopwatch.GetElapsedTime(start).TotalSeconds;
    }
}
