using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

internal static class FusedSoftmaxCrossEntropy
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "fused-softmax-cross-entropy", "Fused bias, softmax, cross-entropy and its gradient", 2, "arithmetic",
        "Adding the bias, the softmax, the loss and the logit gradient were four passes and three new matrices. One pass "
        + "per row adds the bias, finds the maximum, exponentiates, takes the loss as log(sum) - (z_target - max) and "
        + "overwrites the logits with (p - y) / batch, the gradient the backward pass needs.",
        """
        public sealed class TinyLmModel
        {
            private Matrix _logitGrad = null!;

            private double ForwardOutput(TinyLmBatch batch)
            {
                Matrix logits = Matrix.Multiply(_hidden, _outputWeights);
                int rows = logits.Rows;
                double total = 0;
                for (int r = 0; r < rows; r++)
                {
                    Real max = Real.NegativeInfinity;
                    for (int c = 0; c < logits.Cols; c++)
                    {
                        logits[r, c] += _outputBias[0, c];
                        max = Real.Max(max, logits[r, c]);
                    }
                    int target = batch.Targets[r];
                    Real targetLogit = logits[r, target];
                    Real sum = 0;
                    for (int c = 0; c < logits.Cols; c++)
                    {
                        Real e = Real.Exp(logits[r, c] - max);
                        logits[r, c] = e;
                        sum += e;
                    }
                    total += Math.Log((double)sum) - (double)(targetLogit - max);
                    for (int c = 0; c < logits.Cols; c++)
                    {
                        logits[r, c] = (logits[r, c] / sum - (c == target ? 1 : 0)) / rows;
                    }
                }
                _logitGrad = logits;
                return total / rows;
            }

            private Matrix LogitGradient(int[] targets) => _logitGrad;
        }
        """);
}
