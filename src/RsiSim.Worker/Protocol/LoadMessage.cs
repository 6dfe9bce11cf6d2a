namespace RsiSim.Worker.Protocol;

/// <summary>Host → worker: the task and size to run, the compiled program (base64 of the assembly image), and how many characters of printed output to keep per run.</summary>
internal sealed record LoadMessage(string Task, string Size, string Image, int OutputLimit) : WorkerMessage;
