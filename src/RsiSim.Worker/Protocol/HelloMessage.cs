namespace RsiSim.Worker.Protocol;

/// <summary>Worker → host, first line: the protocol version and the worker's process id.</summary>
internal sealed record HelloMessage(int Protocol, int Pid) : WorkerMessage;
