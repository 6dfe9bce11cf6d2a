using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

internal static class MeanScaledTwice
{
    public static MoveDefinition Definition { get; } = MoveFactory.Wrong(
        "mean-scaled-twice", "Average the logit gradient twice", 1, "arithmetic",
        "Wrong: the gradient of the mean loss is divided by the batch size once more, so every update is BatchSize "
        + "times too small and the model barely trains.",
        "checkpoint-loss",
        """
        public sealed class TinyLmModel
        {
            private Matrix LogitGradient(int[] targets)
            {
                var grad = Matrix.Create(_probabilities.Rows, _probabilities.Cols);
                int count = grad.Rows * grad.Rows;
                for (int r = 0; r < grad.Rows; r++)
                {
                    for (int c = 0; c < grad.Cols; c++)
                    {
                        Real indicator = c == targets[r] ? 1 : 0;
                        grad[r, c] = (_probabilities[r, c] - indicator) / count;
                    }
                }
                return grad;
            }
        }
        """,
        conflicts: ["fused-softmax-cross-entropy"]);
}
