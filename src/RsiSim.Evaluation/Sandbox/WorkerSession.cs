using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using RsiSim.Core.Evaluations;
using RsiSim.Evaluation.Running;
using RsiSim.Tasks.Harness;
using RsiSim.Worker.Protocol;

namespace RsiSim.Evaluation.Sandbox;

/// <summary>A reference worker and a candidate worker; each run is prepared untimed, then timed by this process's clock.</summary>
/// <remarks>
/// The two programs live in separate processes so that the candidate cannot reach the reference it is compared
/// with. After each run the worker is asked to settle: work the candidate left running is a policy violation.
/// The settle is asked for as soon as "ran" arrives, and the worker counts its window from its run's return, so
/// the result travels back, is decoded and is handed to the caller's checks inside the window rather than before it. Meanwhile the run named by
/// <see cref="Expect"/> has its data drawn: by the other worker once the result is back, or by this one after it settled; without a
/// name, nothing is drawn ahead. Each preparation names where its run starts (<see cref="SandboxOptions.PlaceRuns"/>):
/// every run of either side on the same CPU.
/// Nothing is timed meanwhile, and every preparation ahead is answered before any run starts, so timed runs still
/// hold the machine alone.
/// </remarks>
/// <param name="releaseBaseline">Takes the reference's worker when the session ends with it alive and in step (the runner
/// keeps it for the next session); null to stop it with the candidate's.</param>
/// <param name="retireCandidate">Takes the candidate's worker as the session ends, to stop it (the runner stops it without
/// waiting, and makes sure it is gone before its next session opens); null to stop it here.</param>
/// <param name="inputs">The runs' inputs drawn in the host, written to a worker's folder just before it prepares the run
/// (only that run's: a worker never holds the input of a run it has not been asked for); null for each worker to draw its
/// runs from their seeds.</param>
/// <param name="candidateLoad">The candidate's worker and its answer to the load; a session may open before both are there
/// (<see cref="SandboxOptions.FirstRunBesideStart"/>), and only the candidate's runs wait for them. Its worker is this
/// session's from then on; a load that threw has stopped its worker itself.</param>
internal sealed class WorkerSession(
    WorkerProcess baseline, Task<LoadedCandidate> candidateLoad, SandboxOptions options, Func<WorkerProcess, ValueTask>? releaseBaseline = null,
    Func<WorkerProcess, ValueTask>? retireCandidate = null, RunInputs? inputs = null)
    : IRunSession
{
    /// <summary>A session of two workers both loaded.</summary>
    public WorkerSession(
        WorkerProcess baseline, WorkerProcess candidate, SandboxOptions options, Func<WorkerProcess, ValueTask>? releaseBaseline = null,
        Func<WorkerProcess, ValueTask>? retireCandidate = null, RunInputs? inputs = null)
        : this(baseline, Task.FromResult(new LoadedCandidate(candidate, WorkerReply.Of(new LoadedMessage()))), options, releaseBaseline, retireCandidate, inputs)
    {
    }

    // Whether the reference's worker failed a request, or a request of it is unfinished (a run left by an exception):
    // either way it is out of step with this conversation and no use to the next session.
    private bool _baselineFailed;
    private bool _baselineBusy;
    private int _disposed;
    private (RunSide Side, ulong Seed, Task<WorkerReply> Reply)? _ahead;
    private (RunSide Side, ulong Seed)? _expected;
    private readonly List<(RunSide Side, int? Place)> _placements = [];

    /// <summary>The process ids of the two workers (the candidate's 0 until its worker is there); for tests and diagnostics.</summary>
    public (int Baseline, int Candidate) ProcessIds =>
        (baseline.Id, candidateLoad is { IsCompletedSuccessfully: true, Result.Worker: { } candidate } ? candidate.Id : 0);

    /// <summary>How many runs found their data already prepared ahead; for tests and diagnostics.</summary>
    public int PreparedAhead { get; private set; }

    /// <summary>The place each preparation asked for, in the order they were sent; for tests and diagnostics.</summary>
    public IReadOnlyList<(RunSide Side, int? Place)> Placements => _placements;

    public void Expect(RunSide side, ulong seed) => _expected = (side, seed);

    public ValueTask<TimedRun> RunAsync(RunSide side, ulong seed, TimeSpan timeout, CancellationToken cancellationToken) =>
        RunAsync(side, seed, timeout, null, cancellationToken);

    public async ValueTask<TimedRun> RunAsync(RunSide side, ulong seed, TimeSpan timeout, Action<RunOutput>? whileSettling, CancellationToken cancellationToken)
    {
        _baselineBusy |= side == RunSide.Baseline;
        var prepareTimeout = Max(options.StartTimeout, timeout);
        var next = _expected;
        _expected = null;
        // Whatever was prepared ahead is answered first, whichever side runs now: no timed run overlaps it.
        var ahead = _ahead;
        _ahead = null;
        WorkerReply? aheadReply = ahead is { } a ? await a.Reply.ConfigureAwait(false) : null;
        // The candidate's runs wait for its worker's start and load; one that did not load ends the evaluation here, as its status.
        if (await WorkerAsync(side).ConfigureAwait(false) is not { } worker)
        {
            var load = candidateLoad.Result.Load;
            return TimedRun.Failed(load.Failure ?? EvaluationStatus.Crash, load.Detail, load.Output);
        }
        WorkerReply prepared;
        if (ahead is { } hit && hit.Side == side && hit.Seed == seed)
        {
            prepared = aheadReply!.Value;
            PreparedAhead++;
        }
        else
        {
            prepared = await worker.RequestAsync(Prepare(worker, side, seed), prepareTimeout, cancellationToken).ConfigureAwait(false);
        }
        if (prepared.Message is not PreparedMessage)
        {
            return await FailedAsync(worker, prepared).ConfigureAwait(false);
        }

        // The clock that counts: from handing over "run" to the worker's "ran", read in this process.
        long start = Stopwatch.GetTimestamp();
        var ran = await worker.SendAsync(new RunMessage(), cancellationToken).ConfigureAwait(false);
        if (ran.Succeeded)
        {
            ran = await worker.ReceiveAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        if (ran.Message is not RanMessage)
        {
            return await FailedAsync(worker, ran).ConfigureAwait(false);
        }
        // Both sides settle: the idle pause changes how warm the next run starts, and the two sides must be
        // treated alike or the pause itself skews the speedup. Only the candidate can fail the check; the
        // trusted reference's verdict is a heuristic's false alarm, unless its worker died.
        var settle = await worker.SendAsync(new SettleMessage((int)options.SettleWindow.TotalMilliseconds), cancellationToken).ConfigureAwait(false);
        var result = await worker.ReceiveAsync(options.StartTimeout, cancellationToken).ConfigureAwait(false);
        // The other worker draws its next run's data once this one's result is back, not as soon as "ran" is: that
        // preparation runs on the CPU this run ended on, and the result's writing waited for it (the result arrived 0.1
        // to 6.6 ms after "ran", now 0.1 to 0.6).
        if (next is { } other && other.Side != side)
        {
            PrepareAhead(other.Side, other.Seed, prepareTimeout, cancellationToken);
        }
        if (result.Message is not ResultMessage output)
        {
            // The settle asked for is still to be answered: a worker out of step with its conversation is of no more use.
            if (!result.Succeeded && settle.Succeeded && worker.IsAlive)
            {
                result = await worker.AbandonAsync(result).ConfigureAwait(false);
            }
            return await FailedAsync(worker, result).ConfigureAwait(false);
        }
        var decoded = Decode(output, worker.Folder);
        ExceptionDispatchInfo? thrown = null;
        if (decoded is not null && whileSettling is not null)
        {
            try
            {
                whileSettling(decoded);
            }
#pragma warning disable CA1031 // Rethrown below, once the settle asked for is answered: the worker stays in step.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                thrown = ExceptionDispatchInfo.Capture(ex);
            }
        }
        var settled = settle.Succeeded ? await worker.ReceiveAsync(options.StartTimeout, cancellationToken).ConfigureAwait(false) : settle;
        thrown?.Throw();
        if (settled.Message is not SettledMessage && (side == RunSide.Candidate || !worker.IsAlive))
        {
            var failed = await FailedAsync(worker, settled).ConfigureAwait(false);
            return failed with { CapturedOutput = output.Output };
        }
        if (next is { } same && same.Side == side)
        {
            PrepareAhead(same.Side, same.Seed, prepareTimeout, cancellationToken);
        }
        _baselineBusy &= side != RunSide.Baseline;
        // A reference whose result cannot be read is a fault the evaluation reports; its worker is not trusted again.
        _baselineFailed |= decoded is null && side == RunSide.Baseline;
        return decoded is not null
            ? new TimedRun(decoded, seconds, null, "", output.Output)
            : TimedRun.Failed(EvaluationStatus.Crash, "the worker sent a malformed result", output.Output);
    }

    public async ValueTask DisposeAsync()
    {
        // Once: a second dispose must not hand the reference's worker back again, perhaps while another session uses it.
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        if (_ahead is { } ahead)
        {
            _ahead = null;
            bool prepared = false;
            try
            {
                // Its answer is not needed, but its pipe is read until then.
                prepared = (await ahead.Reply.ConfigureAwait(false)).Message is PreparedMessage;
            }
            catch (OperationCanceledException)
            {
                // The evaluation was cancelled while the line was being sent or answered: out of step, or killed.
            }
            _baselineFailed |= ahead.Side == RunSide.Baseline && !prepared;
        }
        var baselineEnd = releaseBaseline is not null && baseline.IsAlive && !_baselineFailed && !_baselineBusy ? releaseBaseline(baseline) : baseline.DisposeAsync();
        await Task.WhenAll(baselineEnd.AsTask(), EndCandidateAsync()).ConfigureAwait(false);
    }

    // A loaded candidate's worker is retired (the runner stops it without waiting); one that did not load is stopped here; a
    // load that threw stopped its own.
    private async Task EndCandidateAsync()
    {
        LoadedCandidate loaded;
        try
        {
            loaded = await candidateLoad.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whoever awaited the load first got its exception; its worker is gone.
        catch (Exception)
#pragma warning restore CA1031
        {
            return;
        }
        if (retireCandidate is not null && loaded.Load.Message is LoadedMessage)
        {
            await retireCandidate(loaded.Worker).ConfigureAwait(false);
        }
        else
        {
            await loaded.Worker.DisposeAsync().ConfigureAwait(false);
        }
    }

    // Every run of either side starts on the same CPU (place ProcessorCount - 1: the last one the worker may use, unless a
    // quota lowers the count): the two programs are compared on one CPU all through, and every evaluation on the same one.
    // The run's input, where the host draws it, goes to the worker's folder first, over the last run's.
    private PrepareMessage Prepare(WorkerProcess worker, RunSide side, ulong seed)
    {
        int? place = options.PlaceRuns ? Environment.ProcessorCount - 1 : null;
        _placements.Add((side, place));
        // A dead worker answers every request with its death at once: nothing to write for it.
        if (!worker.IsAlive || inputs?.For(seed) is not { } input)
        {
            return new PrepareMessage(seed, place);
        }
        InputFile.Write(Path.Combine(worker.Folder, InputFile.Name), input);
        return new PrepareMessage(seed, place, InputFile.Name);
    }

    // The reference's worker, or the candidate's once it has loaded (null if it did not).
    private async Task<WorkerProcess?> WorkerAsync(RunSide side)
    {
        if (side == RunSide.Baseline)
        {
            return baseline;
        }
        await candidateLoad.ConfigureAwait(false);
        return LoadedWorker(side);
    }

    // As WorkerAsync, once the candidate's load is over.
    private WorkerProcess? LoadedWorker(RunSide side) =>
        side == RunSide.Baseline ? baseline : candidateLoad.Result is { Load.Message: LoadedMessage } loaded ? loaded.Worker : null;

    private void PrepareAhead(RunSide side, ulong seed, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (side == RunSide.Baseline || candidateLoad.IsCompletedSuccessfully)
        {
            if (LoadedWorker(side) is { IsAlive: true } worker)
            {
                _ahead = (side, seed, worker.RequestAsync(Prepare(worker, side, seed), timeout, cancellationToken).AsTask());
            }
            return;
        }
        _ahead = (side, seed, PrepareWhenLoadedAsync(seed, timeout, cancellationToken));
    }

    // The candidate's next run prepared ahead while its worker still starts or loads: once it has loaded.
    // A load that threw is answered as a failure here; the candidate's run meets the exception itself.
    private async Task<WorkerReply> PrepareWhenLoadedAsync(ulong seed, TimeSpan timeout, CancellationToken cancellationToken)
    {
        WorkerProcess? worker;
        try
        {
            worker = await WorkerAsync(RunSide.Candidate).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Rethrown to the candidate's run by its own wait for the load.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return WorkerReply.Failed(EvaluationStatus.Crash, $"the candidate's worker did not load: {ex.Message}");
        }
        if (worker is null)
        {
            return candidateLoad.Result.Load;
        }
        return await worker.RequestAsync(Prepare(worker, RunSide.Candidate, seed), timeout, cancellationToken).ConfigureAwait(false);
    }

    // A failed request ends the worker's usefulness unless the worker itself reported a failure of the program
    // and stays in a known state (an exception caught around the run).
    private async ValueTask<TimedRun> FailedAsync(WorkerProcess worker, WorkerReply reply)
    {
        _baselineFailed |= worker == baseline;
        if (reply.Succeeded)
        {
            reply = await worker.AbandonAsync(WorkerReply.Failed(EvaluationStatus.Crash, $"the worker answered out of turn with '{reply.Message?.GetType().Name}'")).ConfigureAwait(false);
        }
        return TimedRun.Failed(reply.Failure!.Value, reply.Detail, reply.Output) with { WorkerLost = !worker.IsAlive };
    }

    /// <summary>The result's doubles, read from the one file the worker writes, in its own folder; null when the line or the
    /// file is malformed (another file, a tensor named twice, a file that does not hold exactly the doubles named).</summary>
    internal static RunOutput? Decode(ResultMessage result, string folder)
    {
        if (result.File != ResultFile.Name || result.Tensors.Select(t => t.Key).Distinct(StringComparer.Ordinal).Count() != result.Tensors.Count)
        {
            return null;
        }
        try
        {
            var arrays = ResultFile.Read(Path.Combine(folder, result.File), [result.Losses, .. result.Tensors.Select(t => t.Value)]);
            var tensors = result.Tensors.Select((t, i) => KeyValuePair.Create(t.Key, arrays[i + 1])).ToImmutableDictionary(StringComparer.Ordinal);
            return new RunOutput([.. arrays[0]], tensors);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

/// <summary>A candidate's worker and its answer to the load.</summary>
internal readonly record struct LoadedCandidate(WorkerProcess Worker, WorkerReply Load);
