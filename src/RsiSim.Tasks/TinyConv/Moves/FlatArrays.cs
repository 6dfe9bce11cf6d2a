using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyConv.Moves;

internal static class FlatArrays
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "flat-arrays", "Flat row-major grids", 1, "layout",
        "One array per grid instead of one per row: element (r, c) is one index computation and one bounds check away, "
        + "a filter's activations sit next to each other, a fresh grid is one allocation instead of Rows + 1, and a row "
        + "can be handed out as a span for vector code.",
        """
        internal sealed class Grid
        {
            [RemoveMember] private readonly Real[][] _rows;

            private readonly Real[] _data;

            public Grid(int rows, int cols)
            {
                Rows = rows;
                Cols = cols;
                _data = new Real[rows * cols];
            }

            public Real this[int row, int col]
            {
                get => _data[row * Cols + col];
                set => _data[row * Cols + col] = value;
            }

            // The storage, row-major: element (r, c) is at r * Cols + c.
            public Real[] Data => _data;

            public Span<Real> Row(int row) => _data.AsSpan(row * Cols, Cols);
        }
        """);
}
