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

    public async ValueTask<SessionOpening> OpenAsync(SessionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var starting = new[] { StartAsync(request, request.BaselineImage, cancellationToken), StartAsync(request, request.CandidateImage, cancellationToken) };
        try
        {
            await Task.WhenAll(starting).ConfigureAwait(false);
        }
        catch
        {
            foreach (var started in starting.Where(s => s.IsCompletedSuccessfully))
            {
                await started.Result.Worker.DisposeAsync().ConfigureAwait(false);
            }
            throw;
        }
        var (baseline, baselineLoad) = starting[0].Result;
        var (candidate, candidateLoad) = starting[1].Result;
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

    private async Task<(WorkerProcess Worker, WorkerReply Load)> StartAsync(SessionRequest request, byte[] image, CancellationToken cancellationToken)
    {
        var worker = await WorkerProcess.StartAsync(_options, cancellationToken).ConfigureAwait(false);
        var load = new LoadMessage(request.Task.Id, request.Size, Convert.ToBase64String(image), _options.OutputLimit);
        return (worker, await worker.RequestAsync(load, _options.StartTimeout, cancellationToken).ConfigureAwait(false));
    }
}
