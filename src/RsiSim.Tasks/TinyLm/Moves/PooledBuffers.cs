using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

internal static class PooledBuffers
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "pooled-buffers", "Pooled step buffers", 2, "memory",
        "Every step allocates a few dozen intermediate matrices, megabytes that the GC must zero and collect. "
        + "A pool hands the same matrices out again every step (cleared), so steady-state training allocates nothing.",
        """
        public sealed class TinyLmModel
        {
            public double TrainStep(TinyLmBatch batch, double learningRate)
            {
                ArgumentNullException.ThrowIfNull(batch);
                Matrix.ReleaseAll();
                ForwardHidden(batch);
                double loss = ForwardOutput(batch);
                BackwardOutput(batch);
                BackwardHidden(batch);
                ApplyUpdate((Real)learningRate);
                return loss;
            }
        }

        internal sealed class Matrix
        {
            private static readonly Dictionary<(int Rows, int Cols), List<Matrix>> Pool = new();
            private static readonly Dictionary<(int Rows, int Cols), int> InUse = new();

            // Hands out a cleared pooled matrix; all of them become free again at the start of the next step.
            public static Matrix Create(int rows, int cols)
            {
                var shape = (rows, cols);
                if (!Pool.TryGetValue(shape, out var pooled))
                {
                    pooled = new List<Matrix>();
                    Pool[shape] = pooled;
                }
                int used = InUse.GetValueOrDefault(shape);
                InUse[shape] = used + 1;
                if (used < pooled.Count)
                {
                    pooled[used].Clear();
                    return pooled[used];
                }
                var fresh = new Matrix(rows, cols);
                pooled.Add(fresh);
                return fresh;
            }

            public static void ReleaseAll() => InUse.Clear();

            public void Clear()
            {
                for (int r = 0; r < Rows; r++)
                {
                    for (int c = 0; c < Cols; c++)
                    {
                        this[r, c] = 0;
                    }
                }
            }
        }
        """);
}
