using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyConv.Moves;

internal static class BlockedConvolution
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "blocked-convolution", "Register-blocked convolution without bounds checks", 4, "vectorisation",
        "The vector convolution keeps one accumulator, so every tap waits for the previous fused multiply-add to "
        + "finish: it runs at the FMA's latency, not its throughput. Four accumulators over four consecutive blocks "
        + "of positions share each broadcast weight and keep the FMA unit busy; loads go through references "
        + "(Vector512.LoadUnsafe) so the hot loop carries no bounds checks or span slicing.",
        """
        using System.Runtime.CompilerServices;
        using System.Runtime.InteropServices;
        using System.Runtime.Intrinsics;

        public sealed class TinyConvModel
        {
            private void ConvolveReluPool(Real[] signal, Grid activations, Real[] pooled)
            {
                int positions = _config.Positions, width = _config.Width, lanes = Vector512<Real>.Count;
                ref Real x = ref MemoryMarshal.GetArrayDataReference(signal);
                var zero = Vector512<Real>.Zero;
                for (int f = 0; f < _config.Filters; f++)
                {
                    ref Real kernel = ref MemoryMarshal.GetArrayDataReference(_kernels.Data);
                    kernel = ref Unsafe.Add(ref kernel, f * width);
                    ref Real row = ref MemoryMarshal.GetArrayDataReference(activations.Data);
                    row = ref Unsafe.Add(ref row, f * positions);
                    var bias = Vector512.Create(_kernelBias[f]);
                    var total = zero;
                    int t = 0;
                    for (; t <= positions - 4 * lanes; t += 4 * lanes)
                    {
                        Vector512<Real> s0 = bias, s1 = bias, s2 = bias, s3 = bias;
                        for (int w = 0; w < width; w++)
                        {
                            var k = Vector512.Create(Unsafe.Add(ref kernel, w));
                            nuint at = (nuint)(t + w);
                            s0 = Vector512.FusedMultiplyAdd(k, Vector512.LoadUnsafe(ref x, at), s0);
                            s1 = Vector512.FusedMultiplyAdd(k, Vector512.LoadUnsafe(ref x, at + (nuint)lanes), s1);
                            s2 = Vector512.FusedMultiplyAdd(k, Vector512.LoadUnsafe(ref x, at + (nuint)(2 * lanes)), s2);
                            s3 = Vector512.FusedMultiplyAdd(k, Vector512.LoadUnsafe(ref x, at + (nuint)(3 * lanes)), s3);
                        }
                        s0 = Vector512.Max(s0, zero);
                        s1 = Vector512.Max(s1, zero);
                        s2 = Vector512.Max(s2, zero);
                        s3 = Vector512.Max(s3, zero);
                        s0.StoreUnsafe(ref row, (nuint)t);
                        s1.StoreUnsafe(ref row, (nuint)(t + lanes));
                        s2.StoreUnsafe(ref row, (nuint)(t + 2 * lanes));
                        s3.StoreUnsafe(ref row, (nuint)(t + 3 * lanes));
                        total += (s0 + s1) + (s2 + s3);
                    }
                    for (; t <= positions - lanes; t += lanes)
                    {
                        var sum = bias;
                        for (int w = 0; w < width; w++)
                        {
                            sum = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref kernel, w)), Vector512.LoadUnsafe(ref x, (nuint)(t + w)), sum);
                        }
                        sum = Vector512.Max(sum, zero);
                        sum.StoreUnsafe(ref row, (nuint)t);
                        total += sum;
                    }
                    Real rest = Vector512.Sum(total);
                    for (; t < positions; t++)
                    {
                        Real sum = _kernelBias[f];
                        for (int w = 0; w < width; w++)
                        {
                            sum += Unsafe.Add(ref kernel, w) * Unsafe.Add(ref x, t + w);
                        }
                        Unsafe.Add(ref row, t) = Real.Max(sum, 0);
                        rest += Unsafe.Add(ref row, t);
                    }
                    pooled[f] = rest / positions;
                }
            }
        }
        """,
        requires: ["simd-convolution"]);
}
