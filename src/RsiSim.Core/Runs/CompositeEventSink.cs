using Microsoft.Extensions.Logging;

namespace RsiSim.Core.Runs;

/// <summary>Sends each event to a critical sink (the store: its failure stops the run) and then to best-effort sinks
/// (displays: a failure is logged and the others go on, as Serilog's SafeAggregateSink does).</summary>
public sealed partial class CompositeEventSink(IRunEventSink critical, IEnumerable<IRunEventSink> bestEffort, ILogger logger) : IRunEventSink
{
    private readonly IReadOnlyList<IRunEventSink> _bestEffort = [.. bestEffort];

    public async ValueTask WriteAsync(RunEvent runEvent, CancellationToken cancellationToken)
    {
        await critical.WriteAsync(runEvent, cancellationToken).ConfigureAwait(false);
        foreach (var sink in _bestEffort)
        {
            try
            {
                await sink.WriteAsync(runEvent, cancellationToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A display must never stop a run whose data is already safe in the store.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogSinkFailed(logger, ex, sink.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event sink {Sink} failed; the run goes on")]
    private static partial void LogSinkFailed(ILogger logger, Exception exception, string sink);
}
