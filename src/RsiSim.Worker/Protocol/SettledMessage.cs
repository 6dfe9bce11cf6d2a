namespace RsiSim.Worker.Protocol;

/// <summary>Worker → host: nothing was left working; the CPU time the process used while idle, for the record.</summary>
internal sealed record SettledMessage(double IdleCpuMilliseconds) : WorkerMessage;
