using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyConv.Moves;

internal static class OffByOneWindow
{
    public static MoveDefinition Definition { get; } = MoveFactory.Wrong(
        "off-by-one-window", "Fused convolution with the window one position short", 1, "arithmetic",
        "Wrong: the fused loop runs t < Length - Width, the classic fencepost of a valid convolution, which has "
        + "Length - Width + 1 positions. The last window is never computed (its activation stays zero) while the "
        + "mean still divides by all positions: every pooled feature is a little low, and so is every gradient.",
        "checkpoint-loss",
        """
        public sealed class TinyConvModel
        {
            private void ConvolveReluPool(Real[] signal, Grid activations, Real[] pooled)
            {
                int positions = _config.Length - _config.Width;
                for (int f = 0; f < _config.Filters; f++)
                {
                    Real total = 0;
                    for (int t = 0; t < positions; t++)
                    {
                        Real sum = _kernelBias[f];
                        for (int w = 0; w < _config.Width; w++)
                        {
                            sum += _kernels[f, w] * signal[t + w];
                        }
                        Real activation = Real.Max(sum, 0);
                        activations[f, t] = activation;
                        total += activation;
                    }
                    pooled[f] = total / _config.Positions;
                }
            }
        }
        """,
        requires: ["fused-conv-relu-pool"],
        conflicts: ["simd-convolution"]);
}
