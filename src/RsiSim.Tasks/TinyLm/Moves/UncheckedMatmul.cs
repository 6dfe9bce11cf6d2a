using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

internal static class UncheckedMatmul
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "unchecked-matmul", "Bounds-check-free matrix product kernel", 3, "bounds-checks",
        "Span slicing and indexing still check bounds in the hot loop. Refs into the arrays' data with Unsafe.Add and "
        + "Vector512.LoadUnsafe/StoreUnsafe remove every check; the loop bounds are proven by the matrix shapes instead.",
        """
        using System.Runtime.CompilerServices;
        using System.Runtime.InteropServices;
        using System.Runtime.Intrinsics;

        internal sealed class Matrix
        {
            // Row i of c = sum over k of a[i, k] times row k of b, through refs: no bounds checks in the loop.
            public static void MultiplyRow(Matrix a, Matrix b, Matrix c, int i)
            {
                int n = c.Cols;
                int width = Vector512<Real>.Count;
                ref Real cRow = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(c.Data), i * n);
                ref Real aRow = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(a.Data), i * a.Cols);
                ref Real bData = ref MemoryMarshal.GetArrayDataReference(b.Data);
                for (int k = 0; k < a.Cols; k++)
                {
                    Real aik = Unsafe.Add(ref aRow, k);
                    if (aik == 0)
                    {
                        continue;
                    }
                    ref Real bRow = ref Unsafe.Add(ref bData, k * n);
                    var scale = Vector512.Create(aik);
                    int j = 0;
                    for (; j <= n - width; j += width)
                    {
                        Vector512.FusedMultiplyAdd(scale, Vector512.LoadUnsafe(ref bRow, (nuint)j), Vector512.LoadUnsafe(ref cRow, (nuint)j))
                            .StoreUnsafe(ref cRow, (nuint)j);
                    }
                    for (; j < n; j++)
                    {
                        Unsafe.Add(ref cRow, j) += aik * Unsafe.Add(ref bRow, j);
                    }
                }
            }
        }
        """,
        requires: ["simd-matmul"]);
}
