namespace RsiSim.Contracts.TinyConv;

/// <summary>The model's parameters in the contract's layout: flat, row-major, double precision.</summary>
/// <param name="Kernels">[Filters, Width]: filter f's tap w multiplies input t + w.</param>
/// <param name="KernelBias">[Filters].</param>
/// <param name="DenseWeights">[Filters, Classes].</param>
/// <param name="DenseBias">[Classes].</param>
public sealed record TinyConvWeights(double[] Kernels, double[] KernelBias, double[] DenseWeights, double[] DenseBias)
{
    /// <summary>A deep copy, so that neither side can change the other's arrays.</summary>
    public TinyConvWeights DeepCopy() =>
        new((double[])Kernels.Clone(), (double[])KernelBias.Clone(), (double[])DenseWeights.Clone(), (double[])DenseBias.Clone());
}
