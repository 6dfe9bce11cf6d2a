namespace RsiSim.Worker.Protocol;

/// <summary>Worker → host: the run is prepared; the next "run" starts it at once.</summary>
internal sealed record PreparedMessage : WorkerMessage;
