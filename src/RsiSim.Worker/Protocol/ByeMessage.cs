namespace RsiSim.Worker.Protocol;

/// <summary>Host → worker: exit now.</summary>
internal sealed record ByeMessage : WorkerMessage;
