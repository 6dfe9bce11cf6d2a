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

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Leave(exclusive);
            }
        }
    }
}
