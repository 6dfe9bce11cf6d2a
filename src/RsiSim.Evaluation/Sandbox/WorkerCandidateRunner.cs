using System.Collections.Concurrent;
using RsiSim.Core.Evaluations;
using RsiSim.Evaluation.Running;
using RsiSim.Worker.Protocol;

namespace RsiSim.Evaluation.Sandbox;

/// <summary>Runs the reference and the candidate each in its own sandboxed worker process (see docs/sandbox.md).</summary>
/// <remarks>Every candidate gets a fresh worker. The reference's worker is kept for the next session of the same task,
/// size and reference (<see cref="SandboxOptions.KeepReferenceWorker"/>): it only ever runs the trusted reference, and
/// the candidate never reaches it. As a session ends, its candidate's worker is stopped and a fresh worker is started for
/// the next candidate (<see cref="SandboxOptions.SpareWorker"/>), both in the background; the next session opens only
/// once both are done, so neither falls beside a timed run. Dispose the runner to wait for them and stop what it keeps;
/// a runner never disposed stops it when the process exits.</remarks>
public sealed class WorkerCandidateRunner : ICandidateRunner, IAsyncDisposable
{
    private static readonly ConcurrentDictionary<int, bool> s_keptProcesses = new();
    private readonly SandboxOptions _options;
    private readonly WorkerTurnover _turnover;
    private KeptReference? _kept;
    private bool _disposed;

    public WorkerCandidateRunner(SandboxOptions? options = null)
    {
        _options = options ?? new SandboxOptions();
        _options.Validate();
        _turnover = new WorkerTurnover(_options);
        if (_options.KeepReferenceWorker)
        {
            AppDomain.CurrentDomain.ProcessExit += StopKeptAtExit;
        }
    }

    /// <summary>The process ids of the reference workers every runner of this process keeps idle between sessions; for tests.</summary>
    internal static ICollection<int> KeptProcessIds => s_keptProcesses.Keys;

    /// <summary>The process ids of the spare workers every runner of this process holds; for tests.</summary>
    internal static ICollection<int> SpareProcessIds => WorkerTurnover.SpareProcessIds;

    /// <summary>How many spares have been asked for and have no process yet; for tests, which wait for none before they
    /// look for workers left behind.</summary>
    internal static int SparesStarting => WorkerTurnover.SparesStarting;

    /// <summary>How many ended sessions' candidate workers are still stopping; for tests, as <see cref="SparesStarting"/>.</summary>
    internal static int WorkersStopping => WorkerTurnover.WorkersStopping;

    /// <summary>How many sessions found the reference's worker kept from the one before; for tests and diagnostics.</summary>
    public int ReferenceWorkersReused { get; private set; }

    /// <summary>The process id of this runner's spare once it has started, else null; for tests.</summary>
    internal int? SpareProcessId => _turnover.SpareProcessId;

    /// <summary>How many candidates got the spare worker started as the session before ended; for tests and diagnostics.</summary>
    public int SpareWorkersUsed => _turnover.Used;

    public SandboxOptions Options => _options;

    /// <summary>Whether this machine gives workers an address-space limit (prlimit is on the PATH).</summary>
    public static bool HasAddressSpaceLimit => WorkerLaunch.HasAddressSpaceLimit;

    /// <summary>Starts the two workers of the next session, nothing loaded yet: while the host compiles, not after.</summary>
    /// <remarks>With a reference's worker kept (and <see cref="SandboxOptions.FirstRunBesideStart"/>), only the candidate's is
    /// wanted, and it starts at <see cref="IStartingAhead.Begin"/>, once the compile is done; the result's
    /// <see cref="IStartingAhead.Ready"/> tells when it is ready.</remarks>
    public async ValueTask<IAsyncDisposable?> StartAheadAsync(CancellationToken cancellationToken)
    {
        // With a reference's worker kept, only the candidate's is started; the session asks for a reference's if the kept
        // one does not fit.
        if (Volatile.Read(ref _kept) is not null && _options.FirstRunBesideStart)
        {
            // The candidate's worker (the spare, or a fresh one) starts once the compile is done, beside the reference's
            // first run rather than beside Roslyn; disposed before that, it does not start and the spare waits for the next.
            return new StartedWorkers(null, async begun =>
            {
                try
                {
                    await begun.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return null;
                }
                return await _turnover.TakeOrStartAsync(() => Start(cancellationToken)).ConfigureAwait(false);
            });
        }
        Task<WorkerProcess?>[] starting =
        [
            Volatile.Read(ref _kept) is null ? Start(cancellationToken) : Task.FromResult<WorkerProcess?>(null),
            _turnover.TakeOrStartAsync(() => Start(cancellationToken)),
        ];
        try
        {
            await Task.WhenAll(starting).ConfigureAwait(false);
        }
        catch
        {
            await DisposeStartedAsync(starting).ConfigureAwait(false);
            throw;
        }
        return new StartedWorkers(starting[0].Result, _ => starting[1]);
    }

    public bool TakesInputs => _options.DrawInputsInHost;

    public async ValueTask<SessionOpening> OpenAsync(SessionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ahead = request.Started as StartedWorkers;
        ahead?.Begin();
        if (request.Started is { } other and not StartedWorkers)
        {
            await other.DisposeAsync().ConfigureAwait(false);
        }
        // A candidate's worker that failed to start fails the opening before the kept reference's worker is touched.
        if (ahead is { Candidate: { IsFaulted: true } or { IsCanceled: true } })
        {
            await ahead.DisposeAsync().ConfigureAwait(false);
            await ahead.Candidate.ConfigureAwait(false);
        }
        if (ahead is { Candidate.IsCompleted: false } && _options.FirstRunBesideStart && await TakeKeptAsync(request).ConfigureAwait(false) is { } keptNow)
        {
            return OpenBesideStart(keptNow, ahead, request, cancellationToken);
        }
        // The worker the session before stopped has gone, and its spare has started, before this session's first run can.
        await _turnover.QuietAsync().ConfigureAwait(false);
        // Workers started ahead are used once, by this session; otherwise they are started now. The reference's worker kept
        // from the session before is used again when it holds this reference, already loaded.
        var kept = await TakeKeptAsync(request).ConfigureAwait(false);
        if (kept is not null && ahead is { Baseline: { } unneeded })
        {
            await unneeded.DisposeAsync().ConfigureAwait(false);
        }
        Task<WorkerProcess?>[] starting =
        [
            (kept ?? ahead?.Baseline) is { } ready ? Task.FromResult<WorkerProcess?>(ready) : Start(cancellationToken),
            ahead is not null ? ahead.Candidate : _turnover.TakeOrStartAsync(() => Start(cancellationToken)),
        ];
        var (baselineStart, candidateStart) = (starting[0], starting[1]);
        var loading = new[]
        {
            kept is not null ? Task.FromResult(WorkerReply.Of(new LoadedMessage())) : LoadAsync(baselineStart, request, request.BaselineImage, cancellationToken),
            LoadAsync(candidateStart, request, request.CandidateImage, cancellationToken),
        };
        try
        {
            await Task.WhenAll(loading).ConfigureAwait(false);
        }
        catch
        {
            // The kept reference's worker was sent nothing: in step, it is kept for the next session.
            if (kept is not null)
            {
                await Keeper(request)(kept).ConfigureAwait(false);
                await DisposeStartedAsync([candidateStart]).ConfigureAwait(false);
            }
            else
            {
                await DisposeStartedAsync(starting).ConfigureAwait(false);
            }
            throw;
        }
        var (baseline, candidate) = (baselineStart.Result!, candidateStart.Result!);
        var (baselineLoad, candidateLoad) = (loading[0].Result, loading[1].Result);
        if (baselineLoad.Message is LoadedMessage && candidateLoad.Message is LoadedMessage)
        {
            if (kept is not null)
            {
                ReferenceWorkersReused++;
            }
            var inputs = _options.DrawInputsInHost ? request.Inputs ?? new RunInputs(request.Task.Harness, request.Size) : null;
            return SessionOpening.Opened(new WorkerSession(baseline, candidate, _options, _options.KeepReferenceWorker ? Keeper(request) : null, _turnover.Retire, inputs));
        }
        bool baselineLost = !baseline.IsAlive;
        // A candidate that does not load leaves the reference's worker loaded and in step: kept for the next session.
        var baselineEnd = baselineLoad.Message is LoadedMessage && !baselineLost && _options.KeepReferenceWorker
            ? Keeper(request)(baseline)
            : baseline.DisposeAsync();
        await Task.WhenAll(baselineEnd.AsTask(), candidate.DisposeAsync().AsTask()).ConfigureAwait(false);
        if (baselineLoad.Message is not LoadedMessage && baselineLost)
        {
            return SessionOpening.Failed(EvaluationStatus.Crash, $"the reference's worker was lost while loading ({baselineLoad.Detail}), so the candidate could not be measured");
        }
        if (baselineLoad.Message is not LoadedMessage)
        {
            throw new InvalidOperationException($"the {request.Task.Id} reference does not load in the worker: {baselineLoad.Detail}");
        }
        return SessionOpening.Failed(candidateLoad.Failure ?? EvaluationStatus.Crash, candidateLoad.Detail);
    }

    // A session's reference worker, handed back loaded and in step, for the next session of the same reference.
    private Func<WorkerProcess, ValueTask> Keeper(SessionRequest request) =>
        worker => KeepAsync(new KeptReference(request.Task.Id, request.Size, request.BaselineImage, worker));

    /// <summary>The session of a kept reference and a candidate whose worker is still starting: it opens at once, so that the
    /// reference's first run (a warm-up) goes beside the candidate worker's start and load; the candidate's first run waits
    /// for both, and for the turnover to be quiet. The caller holds the timing gate alone by then
    /// (<see cref="Timing.TimingGate.TryUpgrade"/>): nobody else's timed run can fall beside the start.</summary>
    private SessionOpening OpenBesideStart(WorkerProcess kept, StartedWorkers ahead, SessionRequest request, CancellationToken cancellationToken)
    {
        ReferenceWorkersReused++;
        var inputs = _options.DrawInputsInHost ? request.Inputs ?? new RunInputs(request.Task.Harness, request.Size) : null;
        return SessionOpening.Opened(new WorkerSession(kept, LoadWhenQuietAsync(), _options, _options.KeepReferenceWorker ? Keeper(request) : null, _turnover.Retire, inputs));

        async Task<LoadedCandidate> LoadWhenQuietAsync()
        {
            await _turnover.QuietAsync().ConfigureAwait(false);
            var worker = (await ahead.Candidate.ConfigureAwait(false))!;
            try
            {
                return new LoadedCandidate(worker, await worker.LoadAsync(request.Task.Id, request.Size, request.CandidateImage, _options.OutputLimit, _options.StartTimeout, cancellationToken).ConfigureAwait(false));
            }
            catch
            {
                await worker.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>Waits for the last session's candidate worker to stop, and stops the reference's worker kept for the next
    /// session and the spare, if any.</summary>
    public async ValueTask DisposeAsync()
    {
        Volatile.Write(ref _disposed, true);
        AppDomain.CurrentDomain.ProcessExit -= StopKeptAtExit;
        await _turnover.DisposeAsync().ConfigureAwait(false);
        if (Take() is { } kept)
        {
            await kept.Worker.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<WorkerProcess?> Start(CancellationToken cancellationToken) => await WorkerProcess.StartAsync(_options, cancellationToken).ConfigureAwait(false);

    // The kept worker if it holds this session's reference and still runs; one that does not is stopped.
    private async ValueTask<WorkerProcess?> TakeKeptAsync(SessionRequest request)
    {
        if (Take() is not { } kept)
        {
            return null;
        }
        if (kept.Worker.IsRunning && kept.Task == request.Task.Id && kept.Size == request.Size && kept.Image.AsSpan().SequenceEqual(request.BaselineImage))
        {
            return kept.Worker;
        }
        await kept.Worker.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    private async ValueTask KeepAsync(KeptReference kept)
    {
        // A session that ends after the runner was disposed stops its worker: nothing would stop it later.
        if (Volatile.Read(ref _disposed))
        {
            await kept.Worker.DisposeAsync().ConfigureAwait(false);
            return;
        }
        s_keptProcesses[kept.Worker.Id] = true;
        if (Interlocked.Exchange(ref _kept, kept) is { } older)
        {
            s_keptProcesses.TryRemove(older.ProcessId, out _);
            await older.Worker.DisposeAsync().ConfigureAwait(false);
        }
        if (Volatile.Read(ref _disposed) && Take() is { } late)
        {
            await late.Worker.DisposeAsync().ConfigureAwait(false); // disposed meanwhile
        }
    }

    private KeptReference? Take()
    {
        var kept = Interlocked.Exchange(ref _kept, null);
        if (kept is not null)
        {
            s_keptProcesses.TryRemove(kept.ProcessId, out _);
        }
        return kept;
    }

    private void StopKeptAtExit(object? sender, EventArgs e)
    {
        _turnover.StopAtExit();
        Take()?.Worker.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(5));
    }

    private async Task<WorkerReply> LoadAsync(Task<WorkerProcess?> starting, SessionRequest request, byte[] image, CancellationToken cancellationToken)
    {
        var worker = (await starting.ConfigureAwait(false))!;
        return await worker.LoadAsync(request.Task.Id, request.Size, image, _options.OutputLimit, _options.StartTimeout, cancellationToken).ConfigureAwait(false);
    }

    private static async Task DisposeStartedAsync(IEnumerable<Task<WorkerProcess?>> starting)
    {
        foreach (var started in starting.Where(s => s.IsCompletedSuccessfully && s.Result is not null))
        {
            await started.Result!.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The reference's worker of a session that ended in step, loaded with that reference.</summary>
    private sealed record KeptReference(string Task, string Size, byte[] Image, WorkerProcess Worker)
    {
        public int ProcessId { get; } = Worker.Id;
    }

    /// <summary>Workers started ahead for one session: the candidate's, perhaps still starting, and the reference's unless one
    /// was kept.</summary>
    private sealed class StartedWorkers : IStartingAhead
    {
        private readonly TaskCompletionSource _begun = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <param name="candidate">The candidate's worker's start, given a task that completes at <see cref="Begin"/> (or is
        /// cancelled, at a dispose before it).</param>
        public StartedWorkers(WorkerProcess? baseline, Func<Task, Task<WorkerProcess?>> candidate)
        {
            Baseline = baseline;
            Candidate = candidate(_begun.Task);
            Ready = WorkerTurnover.Quietly(Candidate);
        }

        public WorkerProcess? Baseline { get; }

        public Task<WorkerProcess?> Candidate { get; }

        public Task Ready { get; }

        public void Begin() => _begun.TrySetResult();

        public async ValueTask DisposeAsync()
        {
            _begun.TrySetCanceled();
            await Task.WhenAll(Baseline is null ? Task.CompletedTask : Baseline.DisposeAsync().AsTask(), StopAsync()).ConfigureAwait(false);
        }

        // A candidate's worker that never started has nothing to stop.
        private async Task StopAsync()
        {
            await Ready.ConfigureAwait(false);
            if (Candidate.IsCompletedSuccessfully && Candidate.Result is { } worker)
            {
                await worker.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
