namespace RsiSim.Worker.Protocol;

/// <summary>Host → worker: run the prepared run. The host's clock runs from sending this until "ran" arrives.</summary>
internal sealed record RunMessage : WorkerMessage;
