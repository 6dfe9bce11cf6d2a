using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyConv.Moves;

internal static class Im2Col
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "im2col", "im2col: the convolution as a matrix product", 2, "layout",
        "The textbook way to make a convolution fast: copy every input window into a row of a [Positions, Width] "
        + "patch matrix, and every output becomes the dot product of a kernel row and a patch row, vectorised. It "
        + "is correct, but with one input channel and a dozen taps the patch matrix is Width copies of the signal, "
        + "the dot products are shorter than two vectors, and the copying costs about what the product saves.",
        """
        using System.Numerics.Tensors;

        public sealed class TinyConvModel
        {
            private Grid Convolve(Real[] signal)
            {
                var patches = new Grid(_config.Positions, _config.Width);
                for (int t = 0; t < _config.Positions; t++)
                {
                    signal.AsSpan(t, _config.Width).CopyTo(patches.Row(t));
                }
                var pre = new Grid(_config.Filters, _config.Positions);
                for (int f = 0; f < _config.Filters; f++)
                {
                    ReadOnlySpan<Real> kernel = _kernels.Row(f);
                    Span<Real> row = pre.Row(f);
                    for (int t = 0; t < _config.Positions; t++)
                    {
                        row[t] = _kernelBias[f] + TensorPrimitives.Dot<Real>(kernel, patches.Row(t));
                    }
                }
                return pre;
            }
        }
        """,
        requires: ["flat-arrays"],
        conflicts: ["fused-conv-relu-pool"]);
}
