using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

internal static class ParallelSoftmax
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "parallel-softmax", "Parallel softmax rows", 3, "parallelism",
        "Softmax rows are independent: Parallel.For over rows, each loss kept in its own slot and summed afterwards in "
        + "row order, so the total is the same as the sequential sum.",
        """
        public sealed class TinyLmModel
        {
            private double ForwardOutput(TinyLmBatch batch)
            {
                Matrix logits = Matrix.Multiply(_hidden, _outputWeights);
                var losses = new double[logits.Rows];
                Parallel.For(0, logits.Rows, r => losses[r] = SoftmaxRow(logits.Row(r), batch.Targets[r], logits.Rows));
                _logitGrad = logits;
                double total = 0;
                foreach (double loss in losses)
                {
                    total += loss;
                }
                return total / logits.Rows;
            }
        }
        """,
        requires: ["simd-softmax"]);
}
