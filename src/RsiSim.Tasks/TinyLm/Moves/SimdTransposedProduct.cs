using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

internal static class SimdTransposedProduct
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "simd-transposed-product", "Register-blocked transposed product", 4, "vectorisation",
        "For the output-weight gradient each result row is a sum over samples of a scalar times a row of the logit "
        + "gradient. Blocks of four result rows keep their vectors of sums in registers across all samples: each "
        + "loaded vector of the logit gradient feeds four fused multiply-adds, and each result row is stored once.",
        """
        using System.Runtime.CompilerServices;
        using System.Runtime.InteropServices;
        using System.Runtime.Intrinsics;

        internal sealed class Matrix
        {
            public static Matrix MultiplyTransposedA(Matrix a, Matrix b)
            {
                var c = Create(a.Cols, b.Cols);
                for (int i = 0; i < a.Cols; i += 4)
                {
                    MultiplyTransposedBlock(a, b, c, i, Math.Min(i + 4, a.Cols));
                }
                return c;
            }

            // Rows start..end (at most four) of a^T x b, a vector of columns at a time, sums kept in registers.
            private static void MultiplyTransposedBlock(Matrix a, Matrix b, Matrix c, int start, int end)
            {
                int n = b.Cols;
                int width = Vector512<Real>.Count;
                ref Real aData = ref MemoryMarshal.GetArrayDataReference(a.Data);
                ref Real bData = ref MemoryMarshal.GetArrayDataReference(b.Data);
                ref Real cData = ref MemoryMarshal.GetArrayDataReference(c.Data);
                int j = 0;
                for (; end - start == 4 && j <= n - width; j += width)
                {
                    Vector512<Real> s0 = default, s1 = default, s2 = default, s3 = default;
                    for (int r = 0; r < a.Rows; r++)
                    {
                        ref Real ar = ref Unsafe.Add(ref aData, r * a.Cols + start);
                        var br = Vector512.LoadUnsafe(ref bData, (nuint)(r * n + j));
                        s0 = Vector512.FusedMultiplyAdd(Vector512.Create(ar), br, s0);
                        s1 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ar, 1)), br, s1);
                        s2 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ar, 2)), br, s2);
                        s3 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ar, 3)), br, s3);
                    }
                    s0.StoreUnsafe(ref cData, (nuint)(start * n + j));
                    s1.StoreUnsafe(ref cData, (nuint)((start + 1) * n + j));
                    s2.StoreUnsafe(ref cData, (nuint)((start + 2) * n + j));
                    s3.StoreUnsafe(ref cData, (nuint)((start + 3) * n + j));
                }
                for (int i = start; i < end; i++)
                {
                    for (int jj = end - start == 4 ? j : 0; jj < n; jj++)
                    {
                        Real sum = 0;
                        for (int r = 0; r < a.Rows; r++)
                        {
                            sum += a[r, i] * b[r, jj];
                        }
                        c[i, jj] = sum;
                    }
                }
            }
        }
        """,
        requires: ["no-transpose-copies", "flat-arrays"]);
}
