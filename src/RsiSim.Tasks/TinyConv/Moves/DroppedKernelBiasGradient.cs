using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyConv.Moves;

internal static class DroppedKernelBiasGradient
{
    public static MoveDefinition Definition { get; } = MoveFactory.Wrong(
        "dropped-kernel-bias-grad", "Drop the convolution bias gradient", 1, "arithmetic",
        "Wrong: 'the biases start at zero and barely move, skip their gradient'. In front of a ReLU the bias decides "
        + "how much of each filter's response passes; frozen at zero, the filters learn a different model from the "
        + "first steps on.",
        "checkpoint-loss",
        """
        public sealed class TinyConvModel
        {
            private void AccumulateConvGradient(Gradients grads, Real[] signal, Real[] pooledGrad)
            {
                Grid pre = Convolve(signal);
                for (int f = 0; f < _config.Filters; f++)
                {
                    for (int t = 0; t < _config.Positions; t++)
                    {
                        if (pre[f, t] <= 0)
                        {
                            continue;
                        }
                        Real g = pooledGrad[f] / _config.Positions;
                        for (int w = 0; w < _config.Width; w++)
                        {
                            grads.Kernels[f, w] += g * signal[t + w];
                        }
                    }
                }
            }
        }
        """,
        conflicts: ["reuse-activations"]);
}
