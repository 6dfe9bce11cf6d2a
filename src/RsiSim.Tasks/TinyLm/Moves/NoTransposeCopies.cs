using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

internal static class NoTransposeCopies
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "no-transpose-copies", "Transposed product without the transpose", 2, "memory",
        "The output-weight gradient is hidden^T x logit gradient; the reference first copies the whole hidden matrix "
        + "into its transpose. Accumulating a[r, i] times row r of b into row i of the result reads both inputs in row "
        + "order and never builds the copy.",
        """
        public sealed class TinyLmModel
        {
            private void BackwardOutput(TinyLmBatch batch)
            {
                Matrix logitGrad = LogitGradient(batch.Targets);
                _outputGrad = Matrix.MultiplyTransposedA(_hidden, logitGrad);
                _outputBiasGrad = logitGrad.SumRows();
                _hiddenGrad = Matrix.Multiply(logitGrad, _outputWeights.Transpose());
            }
        }

        internal sealed class Matrix
        {
            // a^T x b without building a^T: row i of the result sums a[r, i] times row r of b.
            public static Matrix MultiplyTransposedA(Matrix a, Matrix b)
            {
                var c = Create(a.Cols, b.Cols);
                for (int r = 0; r < a.Rows; r++)
                {
                    for (int i = 0; i < a.Cols; i++)
                    {
                        Real ari = a[r, i];
                        for (int j = 0; j < b.Cols; j++)
                        {
                            c[i, j] += ari * b[r, j];
                        }
                    }
                }
                return c;
            }
        }
        """);
}
