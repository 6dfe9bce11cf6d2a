using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RsiSim.Core.Candidates;
using RsiSim.Core.Evaluations;
using RsiSim.Core.Tasks;
using RsiSim.Evaluation.Caching;
using RsiSim.Evaluation.Compilation;
using RsiSim.Evaluation.Machine;
using RsiSim.Evaluation.Policy;
using RsiSim.Evaluation.Running;
using RsiSim.Evaluation.Sandbox;
using RsiSim.Evaluation.Timing;
using RsiSim.Tasks;
using RsiSim.Tasks.Harness;

namespace RsiSim.Evaluation;

/// <summary>Compile, load, check and time a candidate against the task's reference; every expected failure is a status.</summary>
/// <remarks>Disposing it stops what the runner <see cref="Create"/> made keeps (the reference's worker); a runner passed
/// to the constructor is its owner's to dispose.</remarks>
public sealed partial class CandidateEvaluator(
    ITaskCatalog tasks,
    CandidateCompiler compiler,
    CandidatePolicy policy,
    ICandidateRunner runner,
    TimingProtocol timing,
    IEvaluationCache cache,
    TimingGate gate,
    ILogger<CandidateEvaluator> logger) : IEvaluator, IAsyncDisposable
{
    private bool _ownsRunner;

    private InputsAhead? _ahead;

    private InputsAhead Ahead => LazyInitializer.EnsureInitialized(ref _ahead, () => new InputsAhead(gate, timing));

    private const int MaxDiagnostics = 20;

    /// <summary>The evaluator with the built-in tasks, candidates in sandboxed workers (or in this process when asked), and an in-memory cache.</summary>
    public static CandidateEvaluator Create(EvaluatorOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        options ??= new EvaluatorOptions();
        ICandidateRunner runner = options.InProcess ? new InProcessCandidateRunner() : new WorkerCandidateRunner(options.Sandbox);
        return new CandidateEvaluator(
            BuiltInTasks.Instance,
            new CandidateCompiler(),
            CandidatePolicy.Default,
            runner,
            new TimingProtocol(options.Timing),
            new MemoryEvaluationCache(),
            new TimingGate(),
            (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<CandidateEvaluator>())
        {
            _ownsRunner = true,
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _ahead) is { } ahead)
        {
            await ahead.DisposeAsync().ConfigureAwait(false);
        }
        if (_ownsRunner && runner is IAsyncDisposable owned)
        {
            _ownsRunner = false;
            await owned.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Draws the runs' inputs of the evaluation named, in the background under the timing gate's shared hold (as
    /// a compile is: never beside a timed run), so that its compile does not have to; for a runner that takes inputs
    /// (<see cref="ICandidateRunner.TakesInputs"/>). In a run, while the agent proposes its candidate.</summary>
    public void Expect(string taskId, string size, ulong hiddenSeed)
    {
        if (!runner.TakesInputs || tasks.Find(taskId) is not IHarnessedTask task)
        {
            return;
        }
        Ahead.Name(task, size, hiddenSeed);
    }

    /// <summary>How many fresh evaluations found their runs' inputs drawn ahead (<see cref="Expect"/>); for tests and diagnostics.</summary>
    public int DrawnAhead => Volatile.Read(ref _drawnAhead);

    private int _drawnAhead;

    public async ValueTask<EvaluationResult> EvaluateAsync(EvaluationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var task = tasks.Find(request.TaskId) as IHarnessedTask ?? throw new ArgumentException($"unknown task '{request.TaskId}'", nameof(request));
        // The inputs drawn ahead for this evaluation, if it was named; whatever is not drawn yet is drawn as its compile runs.
        var expected = Volatile.Read(ref _ahead) is { } ahead ? await ahead.TakeAsync(task.Id, request.Size, request.HiddenSeed).ConfigureAwait(false) : null;
        var key = new EvaluationKey(task.Id, request.Size, request.Candidate.Hash, MachineIdentity.Id);
        if (!request.Fresh && cache.TryGet(key, out var cached))
        {
            return cached with { FromCache = true };
        }
        var evaluation = await EvaluateFreshAsync(task, request, expected, cancellationToken).ConfigureAwait(false);
        cache.Store(key, evaluation);
        LogEvaluated(logger, request.Candidate.Hash, evaluation.Status, evaluation.Summary);
        return evaluation;
    }

    private async ValueTask<EvaluationResult> EvaluateFreshAsync(IHarnessedTask task, EvaluationRequest request, RunInputs? expected, CancellationToken cancellationToken)
    {
        if (expected is not null)
        {
            Interlocked.Increment(ref _drawnAhead);
        }
        var inputs = runner.TakesInputs ? expected ?? new RunInputs(task.Harness, request.Size) : null;
        var prepared = await PrepareAsync(task, request, inputs, cancellationToken).ConfigureAwait(false);
        if (prepared.Failure is not null)
        {
            return prepared.Failure;
        }

        IDisposable exclusive;
        try
        {
            exclusive = prepared.Exclusive ?? await gate.EnterExclusiveAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await DiscardAsync(prepared.Started).ConfigureAwait(false);
            throw;
        }
        using (exclusive)
        {
            // The drawing, if it still goes on, is over before the hold ends, whatever happens; one that failed already
            // fails the evaluation before any worker is asked for anything, as it did before the session could open beside it.
            await using var drawn = new DrawnBeforeLetGo(prepared.Drawing);
            if (prepared.Drawing.IsFaulted)
            {
                await DiscardAsync(prepared.Started).ConfigureAwait(false);
                await prepared.Drawing.ConfigureAwait(false);
            }
            var opening = await runner.OpenAsync(new SessionRequest(task, request.Size, prepared.Baseline!.Image!, prepared.Compiled!.Image!) { Started = prepared.Started, Inputs = inputs }, cancellationToken).ConfigureAwait(false);
            if (opening.Session is null)
            {
                return EvaluationResult.Failed(opening.Failure!.Value, opening.Detail);
            }
            await using (opening.Session.ConfigureAwait(false))
            {
                return await timing.MeasureAsync(
                    prepared.Drawing.IsCompletedSuccessfully ? opening.Session : new DrawnAfterFirstRun(opening.Session, prepared.Drawing),
                    (seed, candidate, referenceRun) => task.Harness.Check(request.Size, seed, candidate, referenceRun),
                    (seed, referenceRun) => task.Harness.Anticipate(request.Size, seed, referenceRun),
                    request.HiddenSeed,
                    cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // Waits, quietly, for a drawing still going when the evaluation ends: its own fault, if any, met the evaluation already.
    private sealed class DrawnBeforeLetGo(Task drawing) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ObserveAsync(drawing);
    }

    // Compiling, the policy, drawing the runs' inputs and starting the runner's processes ahead may run beside other
    // evaluations' compiles, never beside a timed run (the shared hold); what was started or drawn is done before the hold
    // ends. Or, where the start still goes on once the compile is done and nothing else holds the gate, the hold becomes
    // the exclusive one (returned as Exclusive, with the drawing, if it still goes on too): both go on beside this
    // evaluation's own first run, a warm-up, and nobody else's.
    private async ValueTask<Prepared> PrepareAsync(IHarnessedTask task, EvaluationRequest request, RunInputs? inputs, CancellationToken cancellationToken)
    {
        using var shared = await gate.EnterSharedAsync(cancellationToken).ConfigureAwait(false);
        var starting = runner.StartAheadAsync(cancellationToken).AsTask();
        Compiled compiled;
        try
        {
            compiled = await CompileAsync(task, request, inputs, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await DiscardAsync(await starting.ConfigureAwait(false)).ConfigureAwait(false);
            throw;
        }
        IAsyncDisposable? started;
        try
        {
            started = await starting.ConfigureAwait(false);
        }
        catch
        {
            // The drawing, if the policy let it begin, is over before the shared hold ends.
            await ObserveAsync(compiled.Drawing).ConfigureAwait(false);
            throw;
        }
        if (compiled.Failure is not null)
        {
            await DiscardAsync(started).ConfigureAwait(false);
            return new Prepared(compiled.Failure, null, null, null, null, Task.CompletedTask);
        }
        // What the runner held back until the compile was done starts now.
        (started as IStartingAhead)?.Begin();
        var stillStarting = started is IStartingAhead { Ready.IsCompleted: false } ahead ? ahead.Ready : Task.CompletedTask;
        // Only where the first run is a warm-up: it is the run that goes beside the start.
        if (!stillStarting.IsCompleted && timing.Options.WarmupRuns > 0 && gate.TryUpgrade(shared) is { } exclusive)
        {
            return new Prepared(null, compiled.Baseline, compiled.Candidate, started, exclusive, compiled.Drawing);
        }
        try
        {
            await Task.WhenAll(stillStarting, compiled.Drawing).ConfigureAwait(false);
        }
        catch
        {
            await DiscardAsync(started).ConfigureAwait(false);
            throw;
        }
        return new Prepared(null, compiled.Baseline, compiled.Candidate, started, null, Task.CompletedTask);
    }

    /// <summary>What an evaluation has before its session opens.</summary>
    /// <param name="Exclusive">The timing gate, held alone already, where the start or the drawing still goes on.</param>
    /// <param name="Drawing">The runs' inputs still being drawn (beside the first run only), or done.</param>
    private sealed record Prepared(EvaluationResult? Failure, CompileResult? Baseline, CompileResult? Compiled, IAsyncDisposable? Started, IDisposable? Exclusive, Task Drawing);

    /// <param name="Drawing">The runs' inputs drawn after the policy passed, perhaps still going.</param>
    private sealed record Compiled(EvaluationResult? Failure, CompileResult? Baseline, CompileResult? Candidate, Task Drawing);

    private async ValueTask<Compiled> CompileAsync(IHarnessedTask task, EvaluationRequest request, RunInputs? inputs, CancellationToken cancellationToken)
    {
        // The policy reads the compilation while Roslyn emits it, each on its own thread: the two bind the same source
        // separately anyway (a semantic model does not reuse the emit's bound bodies). Errors are reported before
        // violations, as when the policy waited for the compile. The policy's thread then draws the runs' inputs for the
        // workers (those not drawn ahead, Expect), unless the candidate broke the policy or did not compile; the caller
        // waits for that drawing.
        var compilation = CandidateCompiler.CreateCompilation(request.Candidate.Source, request.Candidate.Hash);
        using var noSession = new CancellationTokenSource();
        // Read now: the drawing may go on after this method has returned and disposed its source.
        var noSessionToken = noSession.Token;
        var verdict = new TaskCompletionSource<ImmutableArray<CompileDiagnostic>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var checking = Task.Run(() =>
        {
            ImmutableArray<CompileDiagnostic> found;
            try
            {
                found = policy.Check(compilation);
            }
#pragma warning disable CA1031 // Handed to the caller through the verdict, which it awaits; the task itself ends quietly.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                verdict.TrySetException(ex);
                return;
            }
            verdict.TrySetResult(found);
            if (found.Length == 0)
            {
                inputs?.DrawAll(timing.Seeds(request.HiddenSeed), noSessionToken);
            }
        }, cancellationToken);
        CompileResult compiled;
        try
        {
            compiled = await Task.Run(() => compiler.Compile(compilation, request.Candidate.Hash), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await noSession.CancelAsync().ConfigureAwait(false);
            await ObserveAsync(checking).ConfigureAwait(false);
            throw;
        }
        if (!compiled.Succeeded)
        {
            await noSession.CancelAsync().ConfigureAwait(false);
            await ObserveAsync(checking).ConfigureAwait(false);
            return new Compiled(CompileFailure(compiled), null, null, Task.CompletedTask);
        }
        // The verdict, or what kept the policy's task from giving one (it was cancelled before it began).
        await Task.WhenAny(verdict.Task, checking).ConfigureAwait(false);
        var violations = verdict.Task.IsCompleted ? await verdict.Task.ConfigureAwait(false) : await FaultOfAsync(checking).ConfigureAwait(false);
        if (violations.Length > 0)
        {
            await checking.ConfigureAwait(false);
            return new Compiled(Rejected(EvaluationStatus.PolicyViolation, violations, "violations"), null, null, Task.CompletedTask);
        }
        CompileResult baseline;
        try
        {
            var reference = Candidate.FromSource(task.ReferenceSource);
            baseline = compiler.Compile(reference.Source, reference.Hash);
            if (!baseline.Succeeded)
            {
                throw new InvalidOperationException($"the {task.Id} reference does not compile: {baseline.Errors[0]}");
            }
        }
        catch
        {
            await noSession.CancelAsync().ConfigureAwait(false);
            await ObserveAsync(checking).ConfigureAwait(false);
            throw;
        }
        return new Compiled(null, baseline, compiled, checking);
    }

    private static async Task<ImmutableArray<CompileDiagnostic>> FaultOfAsync(Task checking)
    {
        await checking.ConfigureAwait(false);
        throw new InvalidOperationException("the policy gave no verdict");
    }

    // Waits for the policy's task (and the drawing after it) where its outcome is not wanted: the verdict on a source that
    // did not compile, anything it threw reading broken code, a drawing the evaluation no longer needs.
    private static async ValueTask ObserveAsync(Task checking)
    {
        try
        {
            await checking.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Only observed: the compile's own result or exception is what the caller gets.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private static async ValueTask DiscardAsync(IAsyncDisposable? started)
    {
        if (started is not null)
        {
            await started.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static EvaluationResult CompileFailure(CompileResult compiled) => Rejected(EvaluationStatus.CompileError, compiled.Errors, "errors");

    private static EvaluationResult Rejected(EvaluationStatus status, ImmutableArray<CompileDiagnostic> diagnostics, string noun)
    {
        var first = diagnostics[0];
        string summary = string.Create(CultureInfo.InvariantCulture, $"line {first.Line}, column {first.Column}: {first.Id}: {first.Message}")
            + (diagnostics.Length > 1 ? $" (and {diagnostics.Length - 1} more {noun})" : "");
        return EvaluationResult.Failed(status, summary, diagnostics.Take(MaxDiagnostics));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Evaluated {Candidate}: {Status} {Summary}")]
    private static partial void LogEvaluated(ILogger logger, string candidate, EvaluationStatus status, string summary);
}
