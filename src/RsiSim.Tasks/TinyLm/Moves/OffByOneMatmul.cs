using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

internal static class OffByOneMatmul
{
    public static MoveDefinition Definition { get; } = MoveFactory.Wrong(
        "off-by-one-matmul", "i-k-j product with an off-by-one bound", 1, "cache",
        "Wrong: the loop-order rewrite ends its k loop at a.Cols - 1, so the last column of a never contributes: the "
        + "last hidden unit never reaches the logits and the last character of the last position never reaches the hidden layer.",
        "checkpoint-loss",
        """
        internal sealed class Matrix
        {
            public static void MultiplyRow(Matrix a, Matrix b, Matrix c, int i)
            {
                for (int k = 0; k < a.Cols - 1; k++)
                {
                    Real aik = a[i, k];
                    for (int j = 0; j < b.Cols; j++)
                    {
                        c[i, j] += aik * b[k, j];
                    }
                }
            }
        }
        """,
        requires: ["loop-order-ikj"],
        conflicts: ["skip-zero-rows"]);
}
