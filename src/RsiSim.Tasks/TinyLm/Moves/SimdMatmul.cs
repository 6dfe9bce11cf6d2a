using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

internal static class SimdMatmul
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "simd-matmul", "Vectorised matrix products", 3, "vectorisation",
        "The inner loop is an axpy, c_i += a_ik * b_k: with Vector512 it does 8 doubles or 16 floats per fused "
        + "multiply-add instead of one, which is why float32 pays off twice once this is in.",
        """
        using System.Runtime.Intrinsics;

        internal sealed class Matrix
        {
            // Row i of c = sum over k of a[i, k] times row k of b, a vector of columns at a time.
            public static void MultiplyRow(Matrix a, Matrix b, Matrix c, int i)
            {
                Span<Real> ci = c.Row(i);
                ReadOnlySpan<Real> ai = a.Row(i);
                int width = Vector512<Real>.Count;
                for (int k = 0; k < ai.Length; k++)
                {
                    Real aik = ai[k];
                    if (aik == 0)
                    {
                        continue;
                    }
                    ReadOnlySpan<Real> bk = b.Row(k)[..ci.Length];
                    var scale = Vector512.Create(aik);
                    int j = 0;
                    for (; j <= ci.Length - width; j += width)
                    {
                        Vector512.FusedMultiplyAdd(scale, Vector512.Create(bk.Slice(j, width)), Vector512.Create(ci.Slice(j, width))).CopyTo(ci.Slice(j, width));
                    }
                    for (; j < ci.Length; j++)
                    {
                        ci[j] += aik * bk[j];
                    }
                }
            }
        }
        """,
        requires: ["span-matmul"]);
}
