using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

internal static class LoopOrderIkj
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "loop-order-ikj", "i-k-j loop order in matrix products", 1, "cache",
        "The reference's inner loop walks down a column of b, touching a new row (a new cache line) for every element. "
        + "Swapping the two inner loops walks rows of b and c in order, and the same a[i, k] is reused across a whole row.",
        """
        internal sealed class Matrix
        {
            // Row i of c = sum over k of a[i, k] times row k of b; c starts at zero.
            public static void MultiplyRow(Matrix a, Matrix b, Matrix c, int i)
            {
                for (int k = 0; k < a.Cols; k++)
                {
                    Real aik = a[i, k];
                    for (int j = 0; j < b.Cols; j++)
                    {
                        c[i, j] += aik * b[k, j];
                    }
                }
            }
        }
        """);
}
