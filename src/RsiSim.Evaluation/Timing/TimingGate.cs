namespace RsiSim.Evaluation.Timing;

/// <summary>Makes timed runs hold the machine alone: timing is exclusive, other CPU work of evaluations (compiling, the policy) is shared.</summary>
/// <remarks>
/// Shared holders run side by side; an exclusive holder waits for them to leave and keeps new ones out until it is done.
/// A waiting exclusive entry goes before shared entries that come after it, so a stream of compiles cannot starve timing.
/// </remarks>
public sealed class TimingGate : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Queue<TaskCompletionSource<IDisposable>> _waitingExclusive = new();
    private readonly Queue<TaskCompletionSource<IDisposable>> _waitingShared = new();
    private int _shared;
    private bool _exclusive;
    private bool _disposed;

    /// <summary>Entries waiting to be let in, exclusive and shared; for tests and diagnostics.</summary>
    public int Waiting
    {
        get
        {
            lock (_lock)
            {
                return _waitingExclusive.Count(w => !w.Task.IsCompleted) + _waitingShared.Count(w => !w.Task.IsCompleted);
            }
        }
    }

    /// <summary>Waits until nothing else holds the gate, then holds it alone: for timed runs.</summary>
    public ValueTask<IDisposable> EnterExclusiveAsync(CancellationToken cancellationToken) => EnterAsync(exclusive: true, cancellationToken);

    /// <summary>Waits while timing holds the gate, then holds it beside other shared holders: for compiling and other CPU work.</summary>
    public ValueTask<IDisposable> EnterSharedAsync(CancellationToken cancellationToken) => EnterAsync(exclusive: false, cancellationToken);

    /// <summary>Turns a shared hold of this gate into the exclusive one at once, if nothing else holds the gate and no
    /// exclusive entry waits; else null, and the shared hold is kept.</summary>
    /// <remarks>For an evaluation whose workers are still starting when its compile is done: holding the gate alone from
    /// then on, its own untimed work (the start) may go on beside its first runs, and nobody else's timed run can begin
    /// beside it. Where another holder or a waiting timed run is there, the caller waits for its work under the shared hold
    /// and enters as usual.</remarks>
    public IDisposable? TryUpgrade(IDisposable shared)
    {
        lock (_lock)
        {
            DropCancelledExclusive();
            if (shared is not Release { Exclusive: false } hold || hold.Gate != this || hold.Released
                || _exclusive || _shared != 1 || _waitingExclusive.Count > 0 || !hold.TryMarkReleased())
            {
                return null;
            }
            _shared--;
            return Take(exclusive: true);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            foreach (var waiter in _waitingExclusive.Concat(_waitingShared))
            {
                waiter.TrySetException(new ObjectDisposedException(nameof(TimingGate)));
            }
            _waitingExclusive.Clear();
            _waitingShared.Clear();
        }
    }

    private async ValueTask<IDisposable> EnterAsync(bool exclusive, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TaskCompletionSource<IDisposable> waiter;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            DropCancelledExclusive();
            if (exclusive ? !_exclusive && _shared == 0 && _waitingExclusive.Count == 0 : !_exclusive && _waitingExclusive.Count == 0)
            {
                return Take(exclusive);
            }
            waiter = new TaskCompletionSource<IDisposable>(TaskCreationOptions.RunContinuationsAsynchronously);
            (exclusive ? _waitingExclusive : _waitingShared).Enqueue(waiter);
        }
        using var registration = cancellationToken.Register(() =>
        {
            lock (_lock)
            {
                if (waiter.TrySetCanceled(cancellationToken))
                {
                    Admit();
                }
            }
        });
        return await waiter.Task.ConfigureAwait(false);
    }

    private Release Take(bool exclusive)
    {
        if (exclusive)
        {
            _exclusive = true;
        }
        else
        {
            _shared++;
        }
        return new Release(this, exclusive);
    }

    private void Leave(bool exclusive)
    {
        lock (_lock)
        {
            if (exclusive)
            {
                _exclusive = false;
            }
            else
            {
                _shared--;
            }
            Admit();
        }
    }

    // Called under the lock whenever a holder leaves or a waiter gives up.
    private void Admit()
    {
        if (_exclusive)
        {
            return;
        }
        DropCancelledExclusive();
        if (_waitingExclusive.Count > 0)
        {
            // Timing is next: shared holders finish, newcomers queue behind it.
            if (_shared == 0)
            {
                var next = _waitingExclusive.Dequeue();
                var release = Take(exclusive: true);
                if (!next.TrySetResult(release))
                {
                    _exclusive = false;
                    Admit();
                }
            }
            return;
        }
        while (_waitingShared.TryDequeue(out var next))
        {
            if (!next.Task.IsCompleted)
            {
                next.TrySetResult(Take(exclusive: false));
            }
        }
    }

    private void DropCancelledExclusive()
    {
        while (_waitingExclusive.TryPeek(out var head) && head.Task.IsCompleted)
        {
            _waitingExclusive.Dequeue();
        }
    }

    private sealed class Release(TimingGate gate, bool exclusive) : IDisposable
    {
        private int _released;

        public TimingGate Gate => gate;

        public bool Exclusive => exclusive;

        public bool Released => Volatile.Read(ref _released) != 0;

        /// <summary>Marks the hold released without leaving the gate (an upgrade has taken it over).</summary>
        public bool TryMarkReleased() => Interlocked.Exchange(ref _released, 1) == 0;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Leave(exclusive);
            }
        }
    }
}
