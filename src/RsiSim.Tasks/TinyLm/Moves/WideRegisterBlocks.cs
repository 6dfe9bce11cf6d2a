using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

internal static class WideRegisterBlocks
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "wide-register-blocks", "Four-by-four register blocks for the narrow output layer", 4, "vectorisation",
        "The output layer is only 64 wide: four Vector512 columns. The four-by-two block of the product and the "
        + "four-by-one block of the transposed product keep eight and four chains of fused multiply-adds in flight, "
        + "fewer than two FMA pipes with a latency of four cycles need, and the transposed product reloads four "
        + "broadcasts for every single vector of the logit gradient. Four rows against all four vectors keep sixteen "
        + "independent accumulators in registers: each loaded vector feeds four multiply-adds and each broadcast four.",
        """
        using System.Runtime.CompilerServices;
        using System.Runtime.InteropServices;
        using System.Runtime.Intrinsics;

        internal sealed class Matrix
        {
            // Columns per wide block: four Vector512 of float.
            private const int WideColumns = 64;

            // Rows start..end of c = a x b, four rows by four vectors at a time when the width allows it.
            public static void MultiplyRows(Matrix a, Matrix b, Matrix c, int start, int end)
            {
                bool wide = c.Cols % WideColumns == 0 && Vector512<Real>.Count * 4 == WideColumns;
                int i = start;
                for (; i + 4 <= end; i += 4)
                {
                    if (wide)
                    {
                        for (int j = 0; j < c.Cols; j += WideColumns)
                        {
                            MultiplyWideBlock(a, b, c, i, j);
                        }
                    }
                    else
                    {
                        MultiplyBlock(a, b, c, i);
                    }
                }
                for (; i < end; i++)
                {
                    c.Row(i).Clear();
                    MultiplyRow(a, b, c, i);
                }
            }

            // Rows start..end of c = a^T x b, four rows by four vectors at a time when the width allows it.
            public static void MultiplyTransposedRows(Matrix a, Matrix b, Matrix c, int start, int end)
            {
                bool wide = c.Cols % WideColumns == 0 && Vector512<Real>.Count * 4 == WideColumns;
                for (int i = start; i < end; i += 4)
                {
                    if (wide && i + 4 <= end)
                    {
                        for (int j = 0; j < c.Cols; j += WideColumns)
                        {
                            MultiplyTransposedWideBlock(a, b, c, i, j);
                        }
                    }
                    else
                    {
                        MultiplyTransposedBlock(a, b, c, i, Math.Min(i + 4, end));
                    }
                }
            }

            // c[start..start+3, j..j+63] = a[start..start+3, :] x b[:, j..j+63], sixteen accumulators in registers.
            private static void MultiplyWideBlock(Matrix a, Matrix b, Matrix c, int start, int j)
            {
                int n = b.Cols;
                int depth = a.Cols;
                int w = Vector512<Real>.Count;
                ref Real a0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(a.Data), start * depth);
                ref Real a1 = ref Unsafe.Add(ref a0, depth);
                ref Real a2 = ref Unsafe.Add(ref a1, depth);
                ref Real a3 = ref Unsafe.Add(ref a2, depth);
                ref Real bk = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(b.Data), j);
                Vector512<Real> s00 = default, s01 = default, s02 = default, s03 = default;
                Vector512<Real> s10 = default, s11 = default, s12 = default, s13 = default;
                Vector512<Real> s20 = default, s21 = default, s22 = default, s23 = default;
                Vector512<Real> s30 = default, s31 = default, s32 = default, s33 = default;
                for (int k = 0; k < depth; k++)
                {
                    var b0 = Vector512.LoadUnsafe(ref bk);
                    var b1 = Vector512.LoadUnsafe(ref bk, (nuint)w);
                    var b2 = Vector512.LoadUnsafe(ref bk, (nuint)(2 * w));
                    var b3 = Vector512.LoadUnsafe(ref bk, (nuint)(3 * w));
                    var x = Vector512.Create(Unsafe.Add(ref a0, k));
                    s00 = Vector512.FusedMultiplyAdd(x, b0, s00);
                    s01 = Vector512.FusedMultiplyAdd(x, b1, s01);
                    s02 = Vector512.FusedMultiplyAdd(x, b2, s02);
                    s03 = Vector512.FusedMultiplyAdd(x, b3, s03);
                    x = Vector512.Create(Unsafe.Add(ref a1, k));
                    s10 = Vector512.FusedMultiplyAdd(x, b0, s10);
                    s11 = Vector512.FusedMultiplyAdd(x, b1, s11);
                    s12 = Vector512.FusedMultiplyAdd(x, b2, s12);
                    s13 = Vector512.FusedMultiplyAdd(x, b3, s13);
                    x = Vector512.Create(Unsafe.Add(ref a2, k));
                    s20 = Vector512.FusedMultiplyAdd(x, b0, s20);
                    s21 = Vector512.FusedMultiplyAdd(x, b1, s21);
                    s22 = Vector512.FusedMultiplyAdd(x, b2, s22);
                    s23 = Vector512.FusedMultiplyAdd(x, b3, s23);
                    x = Vector512.Create(Unsafe.Add(ref a3, k));
                    s30 = Vector512.FusedMultiplyAdd(x, b0, s30);
                    s31 = Vector512.FusedMultiplyAdd(x, b1, s31);
                    s32 = Vector512.FusedMultiplyAdd(x, b2, s32);
                    s33 = Vector512.FusedMultiplyAdd(x, b3, s33);
                    bk = ref Unsafe.Add(ref bk, n);
                }
                StoreWide(c, start, j, s00, s01, s02, s03, s10, s11, s12, s13, s20, s21, s22, s23, s30, s31, s32, s33);
            }

            // c[start..start+3, j..j+63] = a[:, start..start+3]^T x b[:, j..j+63], sixteen accumulators in registers.
            private static void MultiplyTransposedWideBlock(Matrix a, Matrix b, Matrix c, int start, int j)
            {
                int n = b.Cols;
                int w = Vector512<Real>.Count;
                ref Real ar = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(a.Data), start);
                ref Real br = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(b.Data), j);
                Vector512<Real> s00 = default, s01 = default, s02 = default, s03 = default;
                Vector512<Real> s10 = default, s11 = default, s12 = default, s13 = default;
                Vector512<Real> s20 = default, s21 = default, s22 = default, s23 = default;
                Vector512<Real> s30 = default, s31 = default, s32 = default, s33 = default;
                for (int r = 0; r < a.Rows; r++)
                {
                    var b0 = Vector512.LoadUnsafe(ref br);
                    var b1 = Vector512.LoadUnsafe(ref br, (nuint)w);
                    var b2 = Vector512.LoadUnsafe(ref br, (nuint)(2 * w));
                    var b3 = Vector512.LoadUnsafe(ref br, (nuint)(3 * w));
                    var x = Vector512.Create(ar);
                    s00 = Vector512.FusedMultiplyAdd(x, b0, s00);
                    s01 = Vector512.FusedMultiplyAdd(x, b1, s01);
                    s02 = Vector512.FusedMultiplyAdd(x, b2, s02);
                    s03 = Vector512.FusedMultiplyAdd(x, b3, s03);
                    x = Vector512.Create(Unsafe.Add(ref ar, 1));
                    s10 = Vector512.FusedMultiplyAdd(x, b0, s10);
                    s11 = Vector512.FusedMultiplyAdd(x, b1, s11);
                    s12 = Vector512.FusedMultiplyAdd(x, b2, s12);
                    s13 = Vector512.FusedMultiplyAdd(x, b3, s13);
                    x = Vector512.Create(Unsafe.Add(ref ar, 2));
                    s20 = Vector512.FusedMultiplyAdd(x, b0, s20);
                    s21 = Vector512.FusedMultiplyAdd(x, b1, s21);
                    s22 = Vector512.FusedMultiplyAdd(x, b2, s22);
                    s23 = Vector512.FusedMultiplyAdd(x, b3, s23);
                    x = Vector512.Create(Unsafe.Add(ref ar, 3));
                    s30 = Vector512.FusedMultiplyAdd(x, b0, s30);
                    s31 = Vector512.FusedMultiplyAdd(x, b1, s31);
                    s32 = Vector512.FusedMultiplyAdd(x, b2, s32);
                    s33 = Vector512.FusedMultiplyAdd(x, b3, s33);
                    ar = ref Unsafe.Add(ref ar, a.Cols);
                    br = ref Unsafe.Add(ref br, n);
                }
                StoreWide(c, start, j, s00, s01, s02, s03, s10, s11, s12, s13, s20, s21, s22, s23, s30, s31, s32, s33);
            }

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            private static void StoreWide(Matrix c, int start, int j,
                Vector512<Real> s00, Vector512<Real> s01, Vector512<Real> s02, Vector512<Real> s03,
                Vector512<Real> s10, Vector512<Real> s11, Vector512<Real> s12, Vector512<Real> s13,
                Vector512<Real> s20, Vector512<Real> s21, Vector512<Real> s22, Vector512<Real> s23,
                Vector512<Real> s30, Vector512<Real> s31, Vector512<Real> s32, Vector512<Real> s33)
            {
                int n = c.Cols;
                int w = Vector512<Real>.Count;
                ref Real r0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(c.Data), start * n + j);
                s00.StoreUnsafe(ref r0);
                s01.StoreUnsafe(ref r0, (nuint)w);
                s02.StoreUnsafe(ref r0, (nuint)(2 * w));
                s03.StoreUnsafe(ref r0, (nuint)(3 * w));
                ref Real r1 = ref Unsafe.Add(ref r0, n);
                s10.StoreUnsafe(ref r1);
                s11.StoreUnsafe(ref r1, (nuint)w);
                s12.StoreUnsafe(ref r1, (nuint)(2 * w));
                s13.StoreUnsafe(ref r1, (nuint)(3 * w));
                ref Real r2 = ref Unsafe.Add(ref r1, n);
                s20.StoreUnsafe(ref r2);
                s21.StoreUnsafe(ref r2, (nuint)w);
                s22.StoreUnsafe(ref r2, (nuint)(2 * w));
                s23.StoreUnsafe(ref r2, (nuint)(3 * w));
                ref Real r3 = ref Unsafe.Add(ref r2, n);
                s30.StoreUnsafe(ref r3);
                s31.StoreUnsafe(ref r3, (nuint)w);
                s32.StoreUnsafe(ref r3, (nuint)(2 * w));
                s33.StoreUnsafe(ref r3, (nuint)(3 * w));
            }
        }
        """,
        requires: ["two-pass-parallel-step"]);
}
