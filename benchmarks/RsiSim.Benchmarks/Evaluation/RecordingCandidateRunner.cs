using System.Diagnostics;
using RsiSim.Evaluation.Running;
using RsiSim.Evaluation.Sandbox;

namespace RsiSim.Benchmarks.Evaluation;

/// <summary>Wraps the real runner and notes where an evaluation's wall time goes: opening the workers, and each run call
/// beside the seconds its timed region took.</summary>
internal sealed class RecordingCandidateRunner(WorkerCandidateRunner inner) : ICandidateRunner
{
    private readonly RunLedger _ledger = new();
    private long _startAhead;

    /// <summary>What was recorded since the last <see cref="Reset"/>.</summary>
    public RunLedger Ledger => _ledger;

    public SandboxOptions Options => inner.Options;

    public bool TakesInputs => inner.TakesInputs;

    public void Reset() => _ledger.Clear();

    /// <summary>Runs beside the compile, inside the host's part of the wall time; recorded so the part before the workers
    /// are opened (compile and policy, or the workers' start if that is longer) can be told apart.</summary>
    public async ValueTask<IAsyncDisposable?> StartAheadAsync(CancellationToken cancellationToken)
    {
        long start = _startAhead = Stopwatch.GetTimestamp();
        var started = await inner.StartAheadAsync(cancellationToken).ConfigureAwait(false);
        if (started is IStartingAhead starting)
        {
            // Until the candidate's worker is ready, which may come after the evaluation has gone on beside it (noted as it
            // happens, before the session's first candidate run can go on).
            _ = starting.Ready.ContinueWith(
                _ => _ledger.StartSeconds += Stopwatch.GetElapsedTime(start).TotalSeconds,
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        else
        {
            _ledger.StartSeconds += Stopwatch.GetElapsedTime(start).TotalSeconds;
        }
        return started;
    }

    public async ValueTask<SessionOpening> OpenAsync(SessionRequest request, CancellationToken cancellationToken)
    {
        long start = Stopwatch.GetTimestamp();
        if (_startAhead != 0)
        {
            _ledger.BeforeOpenSeconds += Stopwatch.GetElapsedTime(_startAhead, start).TotalSeconds;
            _startAhead = 0;
        }
        // Opened while the candidate's worker still starts: the reference's first run goes beside it.
        _ledger.FirstRunBesideStart = request.Started is IStartingAhead { Ready.IsCompleted: false } && inner.Options.FirstRunBesideStart;
        var opening = await inner.OpenAsync(request, cancellationToken).ConfigureAwait(false);
        _ledger.OpenSeconds += Stopwatch.GetElapsedTime(start).TotalSeconds;
        return opening.Session is { } session ? SessionOpening.Opened(new RecordingRunSession(session, _ledger)) : opening;
    }
}
