namespace RsiSim.Evaluation.Running;

/// <summary>A loaded reference and candidate that can be run, one at a time, on any seed.</summary>
public interface IRunSession : IAsyncDisposable
{
    ValueTask<TimedRun> RunAsync(RunSide side, ulong seed, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Says which run comes after the next <see cref="RunAsync"/>, so that the session may draw its data while
    /// nothing is timed (during that run's hand-over). Only a hint: the session must still run whatever it is asked.</summary>
    void Expect(RunSide side, ulong seed)
    {
    }
}
