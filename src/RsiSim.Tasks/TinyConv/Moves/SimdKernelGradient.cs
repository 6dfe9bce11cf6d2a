using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyConv.Moves;

internal static class SimdKernelGradient
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "simd-kernel-gradient", "Kernel gradient as vectorised dot products", 3, "vectorisation",
        "Once the pooling gradient is factored out, a kernel tap's gradient is the dot product of the filter's ReLU "
        + "mask with a shifted window of the signal. The activations are not needed after the forward pass, so they "
        + "are turned into a 0/1 mask in place (one vector compare per lane group), and every tap is one "
        + "TensorPrimitives.Dot over the positions, vectorised and branch-free.",
        """
        using System.Numerics.Tensors;
        using System.Runtime.Intrinsics;

        public sealed class TinyConvModel
        {
            private void AccumulateConvGradient(Gradients grads, Real[] signal, Grid activations, Real[] pooledGrad)
            {
                int positions = _config.Positions, lanes = Vector512<Real>.Count;
                ReadOnlySpan<Real> x = signal;
                for (int f = 0; f < _config.Filters; f++)
                {
                    Span<Real> mask = activations.Row(f);
                    int t = 0;
                    for (; t <= positions - lanes; t += lanes)
                    {
                        var open = Vector512.GreaterThan(Vector512.Create(mask.Slice(t, lanes)), Vector512<Real>.Zero);
                        (open & Vector512<Real>.One).CopyTo(mask.Slice(t, lanes));
                    }
                    for (; t < positions; t++)
                    {
                        mask[t] = mask[t] > 0 ? 1 : 0;
                    }
                    Real g = pooledGrad[f] / positions;
                    grads.KernelBias[f] += g * TensorPrimitives.Sum<Real>(mask);
                    Span<Real> kernelGrad = grads.Kernels.Row(f);
                    for (int w = 0; w < kernelGrad.Length; w++)
                    {
                        kernelGrad[w] += g * TensorPrimitives.Dot<Real>(mask, x.Slice(w, positions));
                    }
                }
            }
        }
        """,
        requires: ["factored-pool-gradient", "flat-arrays"]);
}
