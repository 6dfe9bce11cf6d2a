using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyConv.Moves;

internal static class PoolDividedByLength
{
    public static MoveDefinition Definition { get; } = MoveFactory.Wrong(
        "pool-divided-by-length", "Pooling divided by the signal's length", 1, "arithmetic",
        "Wrong: the fused pass divides each filter's sum by Length, the size of the input, instead of Positions, "
        + "the number of outputs it summed. Every pooled feature shrinks by Positions / Length, the logits change "
        + "and the backward pass (which still divides by Positions) no longer matches the forward one.",
        "checkpoint-loss",
        """
        public sealed class TinyConvModel
        {
            private void ConvolveReluPool(Real[] signal, Grid activations, Real[] pooled)
            {
                for (int f = 0; f < _config.Filters; f++)
                {
                    Real total = 0;
                    for (int t = 0; t < _config.Positions; t++)
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
                    pooled[f] = total / _config.Length;
                }
            }
        }
        """,
        requires: ["fused-conv-relu-pool"],
        conflicts: ["simd-convolution", "off-by-one-window"]);
}
