namespace RsiSim.Worker.Protocol;

/// <summary>Worker → host: what the run produced, and what the program printed meanwhile.</summary>
/// <param name="File">The file, in the worker's folder, that holds the run's doubles (see <see cref="ResultFile"/>): the
/// step losses, then each tensor in the order of <paramref name="Tensors"/>.</param>
/// <param name="Losses">How many step losses the file starts with.</param>
/// <param name="Tensors">The final tensors' names and lengths, in the order the file holds them.</param>
/// <param name="Output">What the program wrote to Console.Out and Console.Error during the run, truncated.</param>
internal sealed record ResultMessage(string File, int Losses, IReadOnlyList<KeyValuePair<string, int>> Tensors, string Output) : WorkerMessage;
