using RsiSim.Core.Runs;

namespace RsiSim.Core.Tests.Support;

/// <summary>Keeps every event in memory, in order.</summary>
internal sealed class RecordingSink : IRunEventSink
{
    private readonly Lock _gate = new();

    public List<RunEvent> Events { get; } = [];

    public IEnumerable<AttemptCompleted> Attempts => Events.OfType<AttemptCompleted>();

    public ValueTask WriteAsync(RunEvent runEvent, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Events.Add(runEvent);
        }
        return ValueTask.CompletedTask;
    }
}
