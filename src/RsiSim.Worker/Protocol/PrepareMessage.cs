namespace RsiSim.Worker.Protocol;

/// <summary>Host → worker: draw the data of the next run from this seed (untimed), then collect garbage.</summary>
internal sealed record PrepareMessage(ulong Seed) : WorkerMessage;
