using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

internal static class SpanMatmul
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "span-matmul", "Matrix products over row spans", 2, "memory",
        "With flat storage a row is a contiguous span: the inner loop indexes two spans of the same length instead "
        + "of computing r * Cols + c through the indexer, and the JIT drops most bounds checks.",
        """
        internal sealed class Matrix
        {
            // Row i of c = sum over k of a[i, k] times row k of b, walking rows as spans; zeros of a are skipped.
            public static void MultiplyRow(Matrix a, Matrix b, Matrix c, int i)
            {
                Span<Real> ci = c.Row(i);
                ReadOnlySpan<Real> ai = a.Row(i);
                for (int k = 0; k < ai.Length; k++)
                {
                    Real aik = ai[k];
                    if (aik == 0)
                    {
                        continue;
                    }
                    ReadOnlySpan<Real> bk = b.Row(k)[..ci.Length];
                    for (int j = 0; j < bk.Length; j++)
                    {
                        ci[j] += aik * bk[j];
                    }
                }
            }
        }
        """,
        requires: ["flat-arrays", "skip-zero-rows"]);
}
