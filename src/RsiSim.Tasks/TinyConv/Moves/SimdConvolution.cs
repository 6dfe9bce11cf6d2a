using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyConv.Moves;

internal static class SimdConvolution
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "simd-convolution", "Convolution vectorised over time", 3, "vectorisation",
        "With one input channel, the convolution's inner loop is short (Width taps) but the loop around it is long. "
        + "Vectorising over positions computes Vector512<Real>.Count outputs of a filter at once: each tap is one "
        + "fused multiply-add of the broadcast weight with a shifted window of the signal, the sum stays in a register "
        + "through all taps, and the ReLU and the pooling sum are vector operations too.",
        """
        using System.Runtime.Intrinsics;

        public sealed class TinyConvModel
        {
            private void ConvolveReluPool(Real[] signal, Grid activations, Real[] pooled)
            {
                int positions = _config.Positions, width = _config.Width, lanes = Vector512<Real>.Count;
                ReadOnlySpan<Real> x = signal;
                for (int f = 0; f < _config.Filters; f++)
                {
                    ReadOnlySpan<Real> kernel = _kernels.Row(f);
                    Span<Real> row = activations.Row(f);
                    Real bias = _kernelBias[f];
                    var total = Vector512<Real>.Zero;
                    int t = 0;
                    for (; t <= positions - lanes; t += lanes)
                    {
                        var sum = Vector512.Create(bias);
                        for (int w = 0; w < width; w++)
                        {
                            sum = Vector512.FusedMultiplyAdd(Vector512.Create(kernel[w]), Vector512.Create(x.Slice(t + w, lanes)), sum);
                        }
                        sum = Vector512.Max(sum, Vector512<Real>.Zero);
                        sum.CopyTo(row.Slice(t, lanes));
                        total += sum;
                    }
                    Real rest = Vector512.Sum(total);
                    for (; t < positions; t++)
                    {
                        Real sum = bias;
                        for (int w = 0; w < width; w++)
                        {
                            sum += kernel[w] * x[t + w];
                        }
                        row[t] = Real.Max(sum, 0);
                        rest += row[t];
                    }
                    pooled[f] = rest / positions;
                }
            }
        }
        """,
        requires: ["fused-conv-relu-pool", "flat-arrays"]);
}
