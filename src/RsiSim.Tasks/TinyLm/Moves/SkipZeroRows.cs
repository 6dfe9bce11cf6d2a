using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

internal static class SkipZeroRows
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "skip-zero-rows", "Skip zeros in matrix products", 2, "arithmetic",
        "The one-hot input has Context ones in each row of Context * Vocabulary values. In i-k-j order a zero a[i, k] "
        + "contributes nothing to row i, so skipping it removes almost all of the input layer's multiplications.",
        """
        internal sealed class Matrix
        {
            // Row i of c = sum over k of a[i, k] times row k of b; zero entries of a contribute nothing.
            public static void MultiplyRow(Matrix a, Matrix b, Matrix c, int i)
            {
                for (int k = 0; k < a.Cols; k++)
                {
                    Real aik = a[i, k];
                    if (aik == 0)
                    {
                        continue;
                    }
                    for (int j = 0; j < b.Cols; j++)
                    {
                        c[i, j] += aik * b[k, j];
                    }
                }
            }
        }
        """,
        requires: ["loop-order-ikj"]);
}
