using System.Diagnostics;
using RsiSim.Evaluation.Running;

namespace RsiSim.Benchmarks.Evaluation;

/// <summary>Wraps the real runner and notes where an evaluation's wall time goes: opening the workers, and each run call
/// beside the seconds its timed region took.</summary>
internal sealed class RecordingCandidateRunner(ICandidateRunner inner) : ICandidateRunner
{
    private readonly RunLedger _ledger = new();

    /// <summary>What was recorded since the last <see cref="Reset"/>.</summary>
    public RunLedger Ledger => _ledger;

    public void Reset() => _ledger.Clear();

    /// <summary>Not recorded apart: it runs beside the compile, inside the host's part of the wall time.</summary>
    public ValueTask<IAsyncDisposable?> StartAheadAsync(CancellationToken cancellationToken) => inner.StartAheadAsync(cancellationToken);

    public async ValueTask<SessionOpening> OpenAsync(SessionRequest request, CancellationToken cancellationToken)
    {
        long start = Stopwatch.GetTimestamp();
        var opening = await inner.OpenAsync(request, cancellationToken).ConfigureAwait(false);
        _ledger.OpenSeconds += Stopwatch.GetElapsedTime(start).TotalSeconds;
        return opening.Session is { } session ? SessionOpening.Opened(new RecordingRunSession(session, _ledger)) : opening;
    }
}
