namespace RsiSim.Evaluation.Running;

/// <summary>A loaded reference and candidate that can be run, one at a time, on any seed.</summary>
public interface IRunSession : IAsyncDisposable
{
    ValueTask<TimedRun> RunAsync(RunSide side, ulong seed, TimeSpan timeout, CancellationToken cancellationToken);
}
