using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

internal static class SimdSoftmax
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "simd-softmax", "Vectorised softmax rows", 3, "vectorisation",
        "The fused softmax row is max, subtract, exp, sum and scale over Vocabulary values: TensorPrimitives does each "
        + "a vector at a time, with a vectorised exp instead of one Math.Exp call per logit.",
        """
        using System.Numerics.Tensors;

        public sealed class TinyLmModel
        {
            private double ForwardOutput(TinyLmBatch batch)
            {
                Matrix logits = Matrix.Multiply(_hidden, _outputWeights);
                double total = 0;
                for (int r = 0; r < logits.Rows; r++)
                {
                    total += SoftmaxRow(logits.Row(r), batch.Targets[r], logits.Rows);
                }
                _logitGrad = logits;
                return total / logits.Rows;
            }

            // Adds the bias, turns the row into (softmax - one-hot) / rows in place, and returns the row's loss.
            private double SoftmaxRow(Span<Real> row, int target, int rows)
            {
                TensorPrimitives.Add(row, _outputBias.Row(0), row);
                Real max = TensorPrimitives.Max(row);
                Real targetLogit = row[target];
                TensorPrimitives.Subtract(row, max, row);
                TensorPrimitives.Exp(row, row);
                Real sum = TensorPrimitives.Sum(row);
                TensorPrimitives.Multiply(row, 1 / (sum * rows), row);
                row[target] -= (Real)1 / rows;
                return Math.Log((double)sum) - (double)(targetLogit - max);
            }
        }
        """,
        requires: ["fused-softmax-cross-entropy", "flat-arrays"]);
}
