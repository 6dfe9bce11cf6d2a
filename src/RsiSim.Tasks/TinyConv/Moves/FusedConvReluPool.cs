using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyConv.Moves;

internal static class FusedConvReluPool
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "fused-conv-relu-pool", "Fused convolution, bias, ReLU and pooling", 2, "arithmetic",
        "Three passes over a filters-by-positions grid (convolve, ReLU into a second grid, sum for the mean) become "
        + "one: each output is rectified and added to its filter's sum while it is still in a register. One grid "
        + "instead of two per sample, and the caller hands in the buffers the pass writes.",
        """
        public sealed class TinyConvModel
        {
            private double TrainSample(TinyConvBatch batch, int b, Gradients grads)
            {
                Real[] signal = Signal(batch, b);
                var activations = new Grid(_config.Filters, _config.Positions);
                var pooled = new Real[_config.Filters];
                ConvolveReluPool(signal, activations, pooled);
                Real[] probabilities = Softmax(Dense(pooled));
                int label = batch.Labels[b];
                Real[] logitGrad = LogitGradient(probabilities, label);
                AccumulateDenseGradient(grads, pooled, logitGrad);
                AccumulateConvGradient(grads, signal, activations, PooledGradient(logitGrad));
                return -Math.Log((double)probabilities[label]);
            }

            // activations[f, t] = max(0, bias[f] + sum over w of kernels[f, w] * signal[t + w]); pooled[f] = their mean.
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
                    pooled[f] = total / _config.Positions;
                }
            }

            [RemoveMember] private Grid Convolve(Real[] signal) => null!;

            [RemoveMember] private static Grid Relu(Grid pre) => null!;

            [RemoveMember] private static Real[] Pool(Grid activations) => null!;
        }
        """,
        requires: ["reuse-activations"]);
}
