using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

internal static class BlockedMatmul
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "blocked-matmul", "Register-blocked matrix product kernel", 4, "cache",
        "A row at a time, every vector of b is loaded, used once and dropped, and c is loaded and stored for every k. "
        + "Four rows of a against two vectors of b keep eight accumulators in registers for the whole k loop: each "
        + "load of b feeds four fused multiply-adds and c is written once. Blocks of four rows go to Parallel.For.",
        """
        using System.Runtime.CompilerServices;
        using System.Runtime.InteropServices;
        using System.Runtime.Intrinsics;

        internal sealed class Matrix
        {
            public static Matrix Multiply(Matrix a, Matrix b)
            {
                var c = Create(a.Rows, b.Cols);
                int blocks = (a.Rows + 3) / 4;
                Parallel.For(0, blocks, block =>
                {
                    int start = block * 4;
                    if (start + 4 <= a.Rows)
                    {
                        MultiplyBlock(a, b, c, start);
                    }
                    else
                    {
                        for (int i = start; i < a.Rows; i++)
                        {
                            MultiplyRow(a, b, c, i);
                        }
                    }
                });
                return c;
            }

            // Rows start..start+3 of c, two vectors of columns at a time, accumulators in registers.
            private static void MultiplyBlock(Matrix a, Matrix b, Matrix c, int start)
            {
                int n = c.Cols;
                int depth = a.Cols;
                int width = Vector512<Real>.Count;
                ref Real a0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(a.Data), start * depth);
                ref Real a1 = ref Unsafe.Add(ref a0, depth);
                ref Real a2 = ref Unsafe.Add(ref a1, depth);
                ref Real a3 = ref Unsafe.Add(ref a2, depth);
                ref Real bData = ref MemoryMarshal.GetArrayDataReference(b.Data);
                ref Real c0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(c.Data), start * n);
                int j = 0;
                for (; j <= n - 2 * width; j += 2 * width)
                {
                    Vector512<Real> s00 = default, s01 = default, s10 = default, s11 = default;
                    Vector512<Real> s20 = default, s21 = default, s30 = default, s31 = default;
                    for (int k = 0; k < depth; k++)
                    {
                        ref Real bk = ref Unsafe.Add(ref bData, k * n + j);
                        var b0 = Vector512.LoadUnsafe(ref bk);
                        var b1 = Vector512.LoadUnsafe(ref bk, (nuint)width);
                        var x0 = Vector512.Create(Unsafe.Add(ref a0, k));
                        var x1 = Vector512.Create(Unsafe.Add(ref a1, k));
                        var x2 = Vector512.Create(Unsafe.Add(ref a2, k));
                        var x3 = Vector512.Create(Unsafe.Add(ref a3, k));
                        s00 = Vector512.FusedMultiplyAdd(x0, b0, s00);
                        s01 = Vector512.FusedMultiplyAdd(x0, b1, s01);
                        s10 = Vector512.FusedMultiplyAdd(x1, b0, s10);
                        s11 = Vector512.FusedMultiplyAdd(x1, b1, s11);
                        s20 = Vector512.FusedMultiplyAdd(x2, b0, s20);
                        s21 = Vector512.FusedMultiplyAdd(x2, b1, s21);
                        s30 = Vector512.FusedMultiplyAdd(x3, b0, s30);
                        s31 = Vector512.FusedMultiplyAdd(x3, b1, s31);
                    }
                    ref Real r0 = ref Unsafe.Add(ref c0, j);
                    s00.StoreUnsafe(ref r0);
                    s01.StoreUnsafe(ref r0, (nuint)width);
                    s10.StoreUnsafe(ref r0, (nuint)n);
                    s11.StoreUnsafe(ref r0, (nuint)(n + width));
                    s20.StoreUnsafe(ref r0, (nuint)(2 * n));
                    s21.StoreUnsafe(ref r0, (nuint)(2 * n + width));
                    s30.StoreUnsafe(ref r0, (nuint)(3 * n));
                    s31.StoreUnsafe(ref r0, (nuint)(3 * n + width));
                }
                for (; j < n; j++)
                {
                    for (int r = 0; r < 4; r++)
                    {
                        Real sum = 0;
                        for (int k = 0; k < depth; k++)
                        {
                            sum += a[start + r, k] * b[k, j];
                        }
                        c[start + r, j] = sum;
                    }
                }
            }
        }
        """,
        requires: ["simd-matmul", "parallel-matmul"]);
}
