namespace RsiSim.Worker.Protocol;

/// <summary>Worker → host: what the run produced, and what the program printed meanwhile.</summary>
/// <param name="Losses">The step losses, <see cref="DoubleArrayCodec"/>-encoded.</param>
/// <param name="Tensors">The final tensors by name, each <see cref="DoubleArrayCodec"/>-encoded.</param>
/// <param name="Output">What the program wrote to Console.Out and Console.Error during the run, truncated.</param>
internal sealed record ResultMessage(string Losses, Dictionary<string, string> Tensors, string Output) : WorkerMessage;
