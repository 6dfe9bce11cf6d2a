using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

internal static class ParallelMatmul
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "parallel-matmul", "Parallel matrix products over rows", 2, "parallelism",
        "Rows of a product are independent: Parallel.For hands them to every core. Each row writes only its own row "
        + "of the result, so there is nothing to synchronise and the sums keep their order.",
        """
        internal sealed class Matrix
        {
            public static Matrix Multiply(Matrix a, Matrix b)
            {
                var c = Create(a.Rows, b.Cols);
                Parallel.For(0, a.Rows, i => MultiplyRow(a, b, c, i));
                return c;
            }
        }
        """);
}
