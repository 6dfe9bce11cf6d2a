using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyConv.Moves;

internal static class BlockedKernelGradient
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "blocked-kernel-gradient", "Four taps per pass over the ReLU mask", 4, "vectorisation",
        "One dot product per tap loads the mask and a signal window for every fused multiply-add: two loads per "
        + "FMA, and Width passes over the mask. Four taps at a time load each mask vector once for four FMAs into "
        + "four independent accumulators (five loads per four FMAs), through references without bounds checks.",
        """
        using System.Numerics.Tensors;
        using System.Runtime.InteropServices;
        using System.Runtime.Intrinsics;

        public sealed class TinyConvModel
        {
            private void AccumulateConvGradient(Gradients grads, Real[] signal, Grid activations, Real[] pooledGrad)
            {
                int positions = _config.Positions, width = _config.Width, lanes = Vector512<Real>.Count;
                ref Real x = ref MemoryMarshal.GetArrayDataReference(signal);
                for (int f = 0; f < _config.Filters; f++)
                {
                    Span<Real> mask = activations.Row(f);
                    ref Real m = ref MemoryMarshal.GetReference(mask);
                    int t = 0;
                    for (; t <= positions - lanes; t += lanes)
                    {
                        var open = Vector512.GreaterThan(Vector512.LoadUnsafe(ref m, (nuint)t), Vector512<Real>.Zero);
                        (open & Vector512<Real>.One).StoreUnsafe(ref m, (nuint)t);
                    }
                    for (; t < positions; t++)
                    {
                        mask[t] = mask[t] > 0 ? 1 : 0;
                    }
                    Real g = pooledGrad[f] / positions;
                    grads.KernelBias[f] += g * TensorPrimitives.Sum<Real>(mask);
                    Span<Real> kernelGrad = grads.Kernels.Row(f);
                    int w = 0;
                    for (; w <= width - 4; w += 4)
                    {
                        Vector512<Real> a0 = default, a1 = default, a2 = default, a3 = default;
                        for (t = 0; t <= positions - lanes; t += lanes)
                        {
                            var open = Vector512.LoadUnsafe(ref m, (nuint)t);
                            nuint at = (nuint)(t + w);
                            a0 = Vector512.FusedMultiplyAdd(open, Vector512.LoadUnsafe(ref x, at), a0);
                            a1 = Vector512.FusedMultiplyAdd(open, Vector512.LoadUnsafe(ref x, at + 1), a1);
                            a2 = Vector512.FusedMultiplyAdd(open, Vector512.LoadUnsafe(ref x, at + 2), a2);
                            a3 = Vector512.FusedMultiplyAdd(open, Vector512.LoadUnsafe(ref x, at + 3), a3);
                        }
                        Real s0 = Vector512.Sum(a0), s1 = Vector512.Sum(a1), s2 = Vector512.Sum(a2), s3 = Vector512.Sum(a3);
                        for (; t < positions; t++)
                        {
                            s0 += mask[t] * signal[t + w];
                            s1 += mask[t] * signal[t + w + 1];
                            s2 += mask[t] * signal[t + w + 2];
                            s3 += mask[t] * signal[t + w + 3];
                        }
                        kernelGrad[w] += g * s0;
                        kernelGrad[w + 1] += g * s1;
                        kernelGrad[w + 2] += g * s2;
                        kernelGrad[w + 3] += g * s3;
                    }
                    for (; w < width; w++)
                    {
                        kernelGrad[w] += g * TensorPrimitives.Dot<Real>(mask, signal.AsSpan(w, positions));
                    }
                }
            }
        }
        """,
        requires: ["simd-kernel-gradient"]);
}
