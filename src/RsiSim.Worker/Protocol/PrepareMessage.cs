namespace RsiSim.Worker.Protocol;

/// <summary>Host → worker: prepare the next run on this seed (untimed), then collect garbage.</summary>
/// <param name="Seed">The run's seed.</param>
/// <param name="Place">Where the run starts: the worker's loop thread goes to the CPU at this place among those it may
/// use (taken round them), prepares the run there and waits there until the run begins; null to leave it to the scheduler.</param>
/// <param name="Input">The file in the worker's folder (<see cref="InputFile.Name"/>) that holds the run's input, drawn by the
/// host from the seed (since protocol 6); null for the worker to draw it from the seed itself.</param>
internal sealed record PrepareMessage(ulong Seed, int? Place = null, string? Input = null) : WorkerMessage;
