using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyConv.Moves;

internal static class UnscaledPoolGradient
{
    public static MoveDefinition Definition { get; } = MoveFactory.Wrong(
        "unscaled-pool-gradient", "Factored pooling gradient without the 1/Positions", 2, "arithmetic",
        "Wrong: factoring the pooling gradient out of the time sum, the mean's 1 / Positions is dropped, as if the "
        + "pooling were a sum. The convolution's gradients come out Positions times too large and the kernels "
        + "overshoot from the first step.",
        "checkpoint-loss",
        """
        public sealed class TinyConvModel
        {
            private void AccumulateConvGradient(Gradients grads, Real[] signal, Grid activations, Real[] pooledGrad)
            {
                var sums = new Real[_config.Width];
                for (int f = 0; f < _config.Filters; f++)
                {
                    Real g = pooledGrad[f];
                    Array.Clear(sums);
                    int open = 0;
                    for (int t = 0; t < _config.Positions; t++)
                    {
                        if (activations[f, t] <= 0)
                        {
                            continue;
                        }
                        open++;
                        for (int w = 0; w < sums.Length; w++)
                        {
                            sums[w] += signal[t + w];
                        }
                    }
                    grads.KernelBias[f] += g * open;
                    for (int w = 0; w < sums.Length; w++)
                    {
                        grads.Kernels[f, w] += g * sums[w];
                    }
                }
            }
        }
        """,
        requires: ["factored-pool-gradient"],
        conflicts: ["simd-kernel-gradient"]);
}
