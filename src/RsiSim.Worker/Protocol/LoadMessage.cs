namespace RsiSim.Worker.Protocol;

/// <summary>Host → worker: the task and size to run, the file in the worker's folder that holds the compiled program (its
/// assembly image, written there by the host), and how many characters of printed output to keep per run.</summary>
/// <remarks>Until protocol 5 the image travelled base64 in the line: a fresh worker took 7 to 11 ms to parse that line
/// and 9 to 15 to decode it, JIT-compiling the framework's vectorised paths for both, on the evaluation's path.</remarks>
internal sealed record LoadMessage(string Task, string Size, string File, int OutputLimit) : WorkerMessage
{
    /// <summary>The one name the host writes a program's image to, in the worker's own folder.</summary>
    public const string ProgramFile = "program.dll";
}
