namespace RsiSim.Contracts.TinyLm;

/// <summary>The sizes and hyper-parameters of one tinylm training run.</summary>
/// <param name="Vocabulary">Number of distinct characters.</param>
/// <param name="Context">Number of previous characters the model sees.</param>
/// <param name="Hidden">Width of the hidden layer.</param>
/// <param name="BatchSize">Samples per training step.</param>
/// <param name="Steps">Training steps in one run.</param>
/// <param name="Momentum">Momentum of the SGD optimizer (velocity = momentum * velocity + gradient).</param>
public sealed record TinyLmConfig(int Vocabulary, int Context, int Hidden, int BatchSize, int Steps, double Momentum)
{
    /// <summary>Rows of the input weight matrix: one per (context position, character).</summary>
    public int InputSize => Context * Vocabulary;
}
