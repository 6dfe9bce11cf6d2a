namespace RsiSim.Worker.Protocol;

/// <summary>Worker → host, the moment the run returns: stops the host's clock; the "result" line follows.</summary>
internal sealed record RanMessage : WorkerMessage;
