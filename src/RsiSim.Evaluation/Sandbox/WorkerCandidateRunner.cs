using RsiSim.Core.Evaluations;
using RsiSim.Evaluation.Running;
using RsiSim.Worker.Protocol;

namespace RsiSim.Evaluation.Sandbox;

/// <summary>Runs the reference and the candidate each in its own sandboxed worker process (see docs/sandbox.md).</summary>
public sealed class WorkerCandidateRunner : ICandidateRunner
{
    private readonly SandboxOptions _options;

    public WorkerCandidateRunner(SandboxOptions? options = null)
    {
        _options = options ?? new SandboxOptions();
        _options.Validate();
    }

    public SandboxOptions Options => _options;

    /// <summary>Whether this machine gives workers an address-space limit (prlimit is on the PATH).</summary>
    public static bool HasAddressSpaceLimit => WorkerLaunch.HasAddressSpaceLimit;

    /// <summary>Starts the two workers of the next session, nothing loaded yet: while the host compiles, not after.</summary>
    public async ValueTask<IAsyncDisposable?> StartAheadAsync(CancellationToken cancellationToken)
    {
        var starting = StartPair(cancellationToken);
        try
        {
            await Task.WhenAll(starting).ConfigureAwait(false);
        }
        catch
        {
            await DisposeStartedAsync(starting).ConfigureAwait(false);
            throw;
        }
        return new StartedWorkers(starting[0].Result, starting[1].Result);
    }

    public async ValueTask<SessionOpening> OpenAsync(SessionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Workers started ahead are used once, by this session; otherwise two are started now.
        var starting = request.Started is StartedWorkers ahead ? [Task.FromResult(ahead.Baseline), Task.FromResult(ahead.Candidate)] : StartPair(cancellationToken);
        if (request.Started is { } other and not StartedWorkers)
        {
            await other.DisposeAsync().ConfigureAwait(false);
        }
        var (baselineStart, candidateStart) = (starting[0], starting[1]);
        var loading = new[] { LoadAsync(baselineStart, request, request.BaselineImage, cancellationToken), LoadAsync(candidateStart, request, request.CandidateImage, cancellationToken) };
        try
        {
            await Task.WhenAll(loading).ConfigureAwait(false);
        }
        catch
        {
            await DisposeStartedAsync(starting).ConfigureAwait(false);
            throw;
        }
        var (baseline, candidate) = (baselineStart.Result, candidateStart.Result);
        var (baselineLoad, candidateLoad) = (loading[0].Result, loading[1].Result);
        if (baselineLoad.Message is LoadedMessage && candidateLoad.Message is LoadedMessage)
        {
            return SessionOpening.Opened(new WorkerSession(baseline, candidate, _options));
        }
        bool baselineLost = !baseline.IsAlive;
        await Task.WhenAll(baseline.DisposeAsync().AsTask(), candidate.DisposeAsync().AsTask()).ConfigureAwait(false);
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

    // The reference's worker and the candidate's, starting side by side.
    private Task<WorkerProcess>[] StartPair(CancellationToken cancellationToken) =>
        [WorkerProcess.StartAsync(_options, cancellationToken).AsTask(), WorkerProcess.StartAsync(_options, cancellationToken).AsTask()];

    private async Task<WorkerReply> LoadAsync(Task<WorkerProcess> starting, SessionRequest request, byte[] image, CancellationToken cancellationToken)
    {
        var worker = await starting.ConfigureAwait(false);
        var load = new LoadMessage(request.Task.Id, request.Size, Convert.ToBase64String(image), _options.OutputLimit);
        return await worker.RequestAsync(load, _options.StartTimeout, cancellationToken).ConfigureAwait(false);
    }

    private static async Task DisposeStartedAsync(IEnumerable<Task<WorkerProcess>> starting)
    {
        foreach (var started in starting.Where(s => s.IsCompletedSuccessfully))
        {
            await started.Result.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Two workers started ahead for one session: the reference's and the candidate's.</summary>
    private sealed class StartedWorkers(WorkerProcess baseline, WorkerProcess candidate) : IAsyncDisposable
    {
        public WorkerProcess Baseline => baseline;

        public WorkerProcess Candidate => candidate;

        public async ValueTask DisposeAsync() =>
            await Task.WhenAll(baseline.DisposeAsync().AsTask(), candidate.DisposeAsync().AsTask()).ConfigureAwait(false);
    }
}
