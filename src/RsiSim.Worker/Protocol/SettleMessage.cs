namespace RsiSim.Worker.Protocol;

/// <summary>Host → worker, after a run: is anything the program started still working?</summary>
/// <param name="WindowMilliseconds">How long to watch the process's CPU time, counted from the moment the run returned
/// (the worker sends its result meanwhile, then sleeps out the rest).</param>
internal sealed record SettleMessage(int WindowMilliseconds) : WorkerMessage;
