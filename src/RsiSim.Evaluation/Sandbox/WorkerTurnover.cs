using System.Collections.Concurrent;

namespace RsiSim.Evaluation.Sandbox;

/// <summary>What a runner's ended sessions leave going in the background: their candidates' workers stopping, and the
/// spare worker started for the next candidate (<see cref="SandboxOptions.SpareWorker"/>).</summary>
/// <remarks>Neither may fall beside a timed run: the runner waits for <see cref="QuietAsync"/> before it opens a session.
/// A spare is only ever started (with <c>warm</c>), never loaded, and given to one candidate.</remarks>
internal sealed class WorkerTurnover(SandboxOptions options) : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<int, bool> s_spareProcesses = new();
    private static int s_sparesStarting;
    private static int s_stopping;

    /// <summary>How long a spare's start waits after the session's end, where the next session's first run may go beside it
    /// (<see cref="SandboxOptions.FirstRunBesideStart"/>), unless the next candidate asks for it first (<see cref="Go"/>).</summary>
    /// <remarks>Back to back, the next evaluation compiles in the first 25 to 40 ms after a session's end: a spare started at
    /// once took a core from Roslyn there (compile and policy 34 to 42 ms instead of 21 to 25), where after the compile it
    /// goes beside the reference's first run, which does not wait for it (docs/evaluation.md).</remarks>
    public static readonly TimeSpan SpareDelay = TimeSpan.FromMilliseconds(50);

    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _spareCancel = new();
    private CancellationTokenSource? _spareGo;
    private Task _stopping = Task.CompletedTask;
    private Task<WorkerProcess?>? _spare;
    private int _used;
    private int _sessionsEnded;
    private bool _disposed;

    /// <summary>The process ids of the spares every runner of this process holds, from the moment each process exists until
    /// it is given a candidate or stopped; for tests.</summary>
    public static ICollection<int> SpareProcessIds => s_spareProcesses.Keys;

    /// <summary>How many spares have been asked for and have no process yet (or never will); for tests.</summary>
    public static int SparesStarting => Volatile.Read(ref s_sparesStarting);

    /// <summary>How many ended sessions' candidate workers are still stopping; for tests.</summary>
    public static int WorkersStopping => Volatile.Read(ref s_stopping);

    /// <summary>How many candidates were given the spare.</summary>
    public int Used => Volatile.Read(ref _used);

    /// <summary>The spare's process id once it has started, else null.</summary>
    public int? SpareProcessId
    {
        get
        {
            lock (_gate)
            {
                return _spare is { IsCompletedSuccessfully: true, Result: { } spare } ? spare.Id : null;
            }
        }
    }

    /// <summary>A session's end: its candidate's worker stops, and (from the second session's end on) a spare starts,
    /// without the session waiting for either.</summary>
    /// <remarks>The stop took 4 to 6 ms of every evaluation, a fresh worker's start 25 to 40 beside the next compile, which
    /// now falls while the agent proposes the next candidate (docs/evaluation.md). A process that evaluates once or twice
    /// (rsisim eval, a new best measured again, most tests) would only start a spare to stop it.</remarks>
    public ValueTask Retire(WorkerProcess candidate)
    {
        Interlocked.Increment(ref s_stopping);
        var stopping = StopAsync(candidate);
        lock (_gate)
        {
            _stopping = _stopping.IsCompleted ? stopping : Task.WhenAll(_stopping, stopping);
            if (options.SpareWorker && ++_sessionsEnded >= 2 && _spare is null && !_disposed)
            {
                Interlocked.Increment(ref s_sparesStarting);
                _spareGo?.Dispose();
                _spareGo = CancellationTokenSource.CreateLinkedTokenSource(_spareCancel.Token);
                _spare = StartSpareAsync(options.FirstRunBesideStart && options.KeepReferenceWorker ? SpareDelay : TimeSpan.Zero, _spareGo.Token);
            }
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Starts the spare now if it still waits out <see cref="SpareDelay"/>.</summary>
    public void Go()
    {
        lock (_gate)
        {
            if (_spareGo is { IsCancellationRequested: false } go)
            {
                _ = go.CancelAsync(); // the spare's start goes on on the pool, not under this lock
            }
        }
    }

    /// <summary>The spare if it started and still runs, else a worker from <paramref name="start"/>; a spare still waiting out
    /// its delay starts now.</summary>
    public async Task<WorkerProcess?> TakeOrStartAsync(Func<Task<WorkerProcess?>> start)
    {
        Go();
        if (await TakeAsync().ConfigureAwait(false) is { } spare)
        {
            if (spare.IsRunning)
            {
                Interlocked.Increment(ref _used);
                return spare;
            }
            await spare.DisposeAsync().ConfigureAwait(false);
        }
        return await start().ConfigureAwait(false);
    }

    /// <summary>Until the workers ended sessions are stopping have exited, and the spare has started (or failed to start); a
    /// spare still waiting out its delay starts now.</summary>
    public async Task QuietAsync()
    {
        Go();
        Task stopping;
        Task? spare;
        lock (_gate)
        {
            (stopping, spare) = (_stopping, _spare);
        }
        await Quietly(stopping).ConfigureAwait(false);
        if (spare is not null)
        {
            await Quietly(spare).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the spare and waits for the workers being stopped.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _disposed = true;
        }
        await _spareCancel.CancelAsync().ConfigureAwait(false);
        if (await TakeAsync().ConfigureAwait(false) is { } spare)
        {
            await spare.DisposeAsync().ConfigureAwait(false);
        }
        await QuietAsync().ConfigureAwait(false);
        lock (_gate)
        {
            _spareGo?.Dispose();
            _spareGo = null;
        }
        _spareCancel.Dispose();
    }

    /// <summary>As the process exits: the spare, if started, is stopped; one still starting is cancelled.</summary>
    public void StopAtExit()
    {
        _spareCancel.Cancel();
        if (TakeStarted() is { } spare)
        {
            spare.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(5));
        }
    }

    private static async Task StopAsync(WorkerProcess worker)
    {
        try
        {
            await Task.Yield(); // not on the ending session's path
            await worker.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref s_stopping);
        }
    }

    private async Task<WorkerProcess?> StartSpareAsync(TimeSpan delay, CancellationToken go)
    {
        int counted = 1;
        try
        {
            await Task.Yield(); // not on the ending session's path
            if (delay > TimeSpan.Zero)
            {
                // Cancelled: asked for (Go), or the runner is going, when no worker is wanted any more.
                await WhenDoneOrCancelled(Task.Delay(delay, go)).ConfigureAwait(false);
                if (_spareCancel.IsCancellationRequested)
                {
                    return null;
                }
            }
            return await WorkerProcess.StartAsync(options, _spareCancel.Token, warm: true, started: id =>
            {
                s_spareProcesses[id] = true;
                Uncount();
            }).ConfigureAwait(false);
        }
        finally
        {
            Uncount(); // it failed before its process existed
        }

        void Uncount()
        {
            if (Interlocked.Exchange(ref counted, 0) == 1)
            {
                Interlocked.Decrement(ref s_sparesStarting);
            }
        }
    }

    // The spare, no longer counted as one, once its start is over; null if there was none or it did not start (whoever
    // needs a worker starts one, and an installation that cannot start workers says so then).
    private async Task<WorkerProcess?> TakeAsync()
    {
        Task<WorkerProcess?>? spare;
        lock (_gate)
        {
            (spare, _spare) = (_spare, null);
        }
        if (spare is null)
        {
            return null;
        }
        await Quietly(spare).ConfigureAwait(false); // a spare that did not start was stopped by its start
        return spare.IsCompletedSuccessfully ? Unregistered(spare.Result) : null;
    }

    // The spare if its start is over, taken without waiting.
    private WorkerProcess? TakeStarted()
    {
        Task<WorkerProcess?>? spare;
        lock (_gate)
        {
            (spare, _spare) = (_spare, null);
        }
        return spare is { IsCompletedSuccessfully: true } ? Unregistered(spare.Result) : null;
    }

    private static WorkerProcess? Unregistered(WorkerProcess? spare)
    {
        if (spare is not null)
        {
            s_spareProcesses.TryRemove(spare.Id, out _);
        }
        return spare;
    }

    private static async Task WhenDoneOrCancelled(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Completes when <paramref name="task"/> does, whether or not it failed.</summary>
    public static async Task Quietly(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A stop that threw left a worker killed or gone; a spare that did not start is met again by whoever takes it.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
