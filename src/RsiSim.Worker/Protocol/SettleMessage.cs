namespace RsiSim.Worker.Protocol;

/// <summary>Host → worker, after a run: is anything the program started still working?</summary>
/// <param name="WindowMilliseconds">How long to watch the process's CPU time while the worker itself sleeps.</param>
internal sealed record SettleMessage(int WindowMilliseconds) : WorkerMessage;
