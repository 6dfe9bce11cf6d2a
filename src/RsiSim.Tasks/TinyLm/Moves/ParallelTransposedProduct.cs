using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

internal static class ParallelTransposedProduct
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "parallel-transposed-product", "Parallel transposed product over result rows", 3, "parallelism",
        "Each block of result rows of the output-weight gradient sums over all samples into its own rows: Parallel.For "
        + "over blocks divides the work between cores with no shared writes, unlike splitting the samples.",
        """
        internal sealed class Matrix
        {
            public static Matrix MultiplyTransposedA(Matrix a, Matrix b)
            {
                var c = Create(a.Cols, b.Cols);
                Parallel.For(0, (a.Cols + 3) / 4, block => MultiplyTransposedBlock(a, b, c, block * 4, Math.Min(block * 4 + 4, a.Cols)));
                return c;
            }
        }
        """,
        requires: ["simd-transposed-product"]);
}
