namespace RsiSim.Worker.Protocol;

/// <summary>Worker → host: the program is loaded and bound to the task's contract.</summary>
internal sealed record LoadedMessage : WorkerMessage;
