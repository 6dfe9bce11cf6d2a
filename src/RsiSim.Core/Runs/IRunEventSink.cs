namespace RsiSim.Core.Runs;

/// <summary>Receives a run's events in order, per trial. The store, the event log and the progress display are sinks.</summary>
public interface IRunEventSink
{
    ValueTask WriteAsync(RunEvent runEvent, CancellationToken cancellationToken);
}
