using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

internal static class SimdEmbedding
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "simd-embedding", "Vectorised embedding sum and tanh", 3, "vectorisation",
        "Each hidden row is the bias plus Context embedding rows, then tanh: TensorPrimitives.Add does the row sums "
        + "a vector at a time and TensorPrimitives.Tanh evaluates tanh vectorised instead of one call per element.",
        """
        using System.Numerics.Tensors;

        public sealed class TinyLmModel
        {
            private void ForwardHidden(TinyLmBatch batch)
            {
                _hidden = Matrix.Create(_config.BatchSize, _config.Hidden);
                for (int b = 0; b < _config.BatchSize; b++)
                {
                    EmbedRow(batch, b);
                }
            }

            // Row b of the hidden layer: tanh(bias + the Context embedding rows its characters select).
            private void EmbedRow(TinyLmBatch batch, int b)
            {
                Span<Real> row = _hidden.Row(b);
                _hiddenBias.Row(0).CopyTo(row);
                for (int p = 0; p < _config.Context; p++)
                {
                    TensorPrimitives.Add(row, _inputWeights.Row(p * _config.Vocabulary + batch.Contexts[b * _config.Context + p]), row);
                }
                TensorPrimitives.Tanh(row, row);
            }
        }
        """,
        requires: ["fused-bias-tanh", "flat-arrays"]);
}
