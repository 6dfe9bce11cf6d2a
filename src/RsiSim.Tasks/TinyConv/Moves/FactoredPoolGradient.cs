using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyConv.Moves;

internal static class FactoredPoolGradient
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "factored-pool-gradient", "Factor the pooling gradient out of the time sum", 3, "arithmetic",
        "Average pooling hands every open position of a filter the same gradient, pooledGrad[f] / Positions. So the "
        + "kernel gradient is that one number times the sum of the signal over the open positions: one multiply per "
        + "tap instead of one per tap and position, summed into a small local array instead of read-modify-writing "
        + "the gradient grid. The bias gradient is the same number times the count of open positions.",
        """
        public sealed class TinyConvModel
        {
            // dK[f, w] += g_f * (sum over open t of signal[t + w]); dBias[f] += g_f * (number of open t).
            private void AccumulateConvGradient(Gradients grads, Real[] signal, Grid activations, Real[] pooledGrad)
            {
                var sums = new Real[_config.Width];
                for (int f = 0; f < _config.Filters; f++)
                {
                    Real g = pooledGrad[f] / _config.Positions;
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
        requires: ["reuse-activations"]);
}
