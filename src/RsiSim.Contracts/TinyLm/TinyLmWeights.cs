namespace RsiSim.Contracts.TinyLm;

/// <summary>The model's parameters in the contract's layout: flat, row-major, double precision.</summary>
/// <param name="InputWeights">[Context * Vocabulary, Hidden]: row (position * Vocabulary + character) feeds the hidden layer.</param>
/// <param name="HiddenBias">[Hidden].</param>
/// <param name="OutputWeights">[Hidden, Vocabulary].</param>
/// <param name="OutputBias">[Vocabulary].</param>
public sealed record TinyLmWeights(double[] InputWeights, double[] HiddenBias, double[] OutputWeights, double[] OutputBias)
{
    /// <summary>A deep copy, so that neither side can change the other's arrays.</summary>
    public TinyLmWeights DeepCopy() =>
        new((double[])InputWeights.Clone(), (double[])HiddenBias.Clone(), (double[])OutputWeights.Clone(), (double[])OutputBias.Clone());
}
