using RsiSim.Tasks.Harness;

namespace RsiSim.Evaluation.Running;

/// <summary>A loaded reference and candidate that can be run, one at a time, on any seed.</summary>
public interface IRunSession : IAsyncDisposable
{
    ValueTask<TimedRun> RunAsync(RunSide side, ulong seed, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Runs as <see cref="RunAsync(RunSide, ulong, TimeSpan, CancellationToken)"/>, and hands the run's output to
    /// <paramref name="whileSettling"/> as soon as it is back: a session that waits after each run (for the program's
    /// left-over work to show) calls it during that wait, when nothing is timed, so that the host's checks need no time
    /// of their own. By default, after the run. A run that fails, or fails to settle, comes back failed as from the other
    /// overload, whether or not <paramref name="whileSettling"/> was called. Null: as the other overload.</summary>
    async ValueTask<TimedRun> RunAsync(RunSide side, ulong seed, TimeSpan timeout, Action<RunOutput>? whileSettling, CancellationToken cancellationToken)
    {
        var run = await RunAsync(side, seed, timeout, cancellationToken).ConfigureAwait(false);
        if (run.Succeeded)
        {
            whileSettling?.Invoke(run.Output!);
        }
        return run;
    }

    /// <summary>Says which run comes after the next <see cref="RunAsync"/>, so that the session may draw its data while
    /// nothing is timed (during that run's hand-over). Only a hint: the session must still run whatever it is asked.</summary>
    void Expect(RunSide side, ulong seed)
    {
    }
}
