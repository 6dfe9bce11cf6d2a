using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyConv.Moves;

internal static class ReuseActivations
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "reuse-activations", "Keep the ReLU mask from the forward pass", 1, "arithmetic",
        "The backward pass convolves the signal a second time only to learn where the ReLU was open. The forward pass "
        + "already has the answer: an activation is positive exactly where its pre-activation was. Passing the "
        + "activations along removes a third of the step's multiply-adds and a grid allocation per sample.",
        """
        public sealed class TinyConvModel
        {
            private double TrainSample(TinyConvBatch batch, int b, Gradients grads)
            {
                Real[] signal = Signal(batch, b);
                Grid activations = Relu(Convolve(signal));
                Real[] pooled = Pool(activations);
                Real[] probabilities = Softmax(Dense(pooled));
                int label = batch.Labels[b];
                Real[] logitGrad = LogitGradient(probabilities, label);
                AccumulateDenseGradient(grads, pooled, logitGrad);
                AccumulateConvGradient(grads, signal, activations, PooledGradient(logitGrad));
                return -Math.Log((double)probabilities[label]);
            }

            // Back through the pooling, the ReLU (open where the activation is positive) and the convolution.
            private void AccumulateConvGradient(Gradients grads, Real[] signal, Grid activations, Real[] pooledGrad)
            {
                for (int f = 0; f < _config.Filters; f++)
                {
                    for (int t = 0; t < _config.Positions; t++)
                    {
                        if (activations[f, t] <= 0)
                        {
                            continue;
                        }
                        Real g = pooledGrad[f] / _config.Positions;
                        grads.KernelBias[f] += g;
                        for (int w = 0; w < _config.Width; w++)
                        {
                            grads.Kernels[f, w] += g * signal[t + w];
                        }
                    }
                }
            }
        }
        """);
}
