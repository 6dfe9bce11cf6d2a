using System.Globalization;
using Microsoft.Extensions.Logging;
using RsiSim.Core.Candidates;
using RsiSim.Core.Evaluations;
using RsiSim.Core.Tasks;
using RsiSim.Evaluation.Caching;
using RsiSim.Evaluation.Compilation;
using RsiSim.Evaluation.Machine;
using RsiSim.Evaluation.Running;
using RsiSim.Evaluation.Timing;
using RsiSim.Tasks.Harness;

namespace RsiSim.Evaluation;

/// <summary>Compile, load, check and time a candidate against the task's reference; every expected failure is a status.</summary>
public sealed partial class CandidateEvaluator(
    ITaskCatalog tasks,
    CandidateCompiler compiler,
    ICandidateRunner runner,
    TimingProtocol timing,
    IEvaluationCache cache,
    TimingGate gate,
    ILogger<CandidateEvaluator> logger) : IEvaluator
{
    private const int MaxDiagnostics = 20;

    public async ValueTask<EvaluationResult> EvaluateAsync(EvaluationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var task = tasks.Find(request.TaskId) as IHarnessedTask ?? throw new ArgumentException($"unknown task '{request.TaskId}'", nameof(request));
        var key = new EvaluationKey(task.Id, request.Size, request.Candidate.Hash, MachineIdentity.Id);
        if (!request.Fresh && cache.TryGet(key, out var cached))
        {
            return cached with { FromCache = true };
        }
        var evaluation = await EvaluateFreshAsync(task, request, cancellationToken).ConfigureAwait(false);
        cache.Store(key, evaluation);
        LogEvaluated(logger, request.Candidate.Hash, evaluation.Status, evaluation.Summary);
        return evaluation;
    }

    private async ValueTask<EvaluationResult> EvaluateFreshAsync(IHarnessedTask task, EvaluationRequest request, CancellationToken cancellationToken)
    {
        var compiled = await Task.Run(() => compiler.Compile(request.Candidate.Source, request.Candidate.Hash), cancellationToken).ConfigureAwait(false);
        if (!compiled.Succeeded)
        {
            return CompileFailure(compiled);
        }
        var reference = Candidate.FromSource(task.ReferenceSource);
        var baseline = compiler.Compile(reference.Source, reference.Hash);
        if (!baseline.Succeeded)
        {
            throw new InvalidOperationException($"the {task.Id} reference does not compile: {baseline.Errors[0]}");
        }

        using var exclusive = await gate.EnterAsync(cancellationToken).ConfigureAwait(false);
        var opening = await runner.OpenAsync(new SessionRequest(task, request.Size, baseline.Image!, compiled.Image!), cancellationToken).ConfigureAwait(false);
        if (opening.Session is null)
        {
            return EvaluationResult.Failed(opening.Failure!.Value, opening.Detail);
        }
        await using (opening.Session.ConfigureAwait(false))
        {
            return await timing.MeasureAsync(
                opening.Session,
                (seed, candidate, referenceRun) => task.Harness.Check(request.Size, seed, candidate, referenceRun),
                request.HiddenSeed,
                cancellationToken).ConfigureAwait(false);
        }
    }

    private static EvaluationResult CompileFailure(CompileResult compiled)
    {
        var first = compiled.Errors[0];
        string summary = string.Create(CultureInfo.InvariantCulture, $"line {first.Line}, column {first.Column}: {first.Id}: {first.Message}")
            + (compiled.Errors.Length > 1 ? $" (and {compiled.Errors.Length - 1} more errors)" : "");
        return EvaluationResult.Failed(EvaluationStatus.CompileError, summary, compiled.Errors.Take(MaxDiagnostics));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Evaluated {Candidate}: {Status} {Summary}")]
    private static partial void LogEvaluated(ILogger logger, string candidate, EvaluationStatus status, string summary);
}
