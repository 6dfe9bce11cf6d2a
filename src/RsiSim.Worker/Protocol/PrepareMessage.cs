namespace RsiSim.Worker.Protocol;

/// <summary>Host → worker: draw the data of the next run from this seed (untimed), then collect garbage.</summary>
/// <param name="Seed">The run's seed.</param>
/// <param name="Place">Where the run starts: the worker's loop thread goes to the CPU at this place among those it may
/// use (taken round them), draws the data there and waits there until the run begins; null to leave it to the scheduler.</param>
internal sealed record PrepareMessage(ulong Seed, int? Place = null) : WorkerMessage;
