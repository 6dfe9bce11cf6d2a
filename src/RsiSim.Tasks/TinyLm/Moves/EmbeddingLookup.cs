using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

internal static class EmbeddingLookup
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "embedding-lookup", "Embedding lookup instead of the one-hot product", 2, "arithmetic",
        "Multiplying a one-hot row by the input weights only selects rows. Summing the Context selected rows "
        + "does Context * Hidden additions per sample instead of Context * Vocabulary * Hidden multiply-adds.",
        """
        public sealed class TinyLmModel
        {
            private void ForwardHidden(TinyLmBatch batch)
            {
                _hiddenPre = Matrix.Create(_config.BatchSize, _config.Hidden);
                for (int b = 0; b < _config.BatchSize; b++)
                {
                    for (int p = 0; p < _config.Context; p++)
                    {
                        int row = p * _config.Vocabulary + batch.Contexts[b * _config.Context + p];
                        for (int j = 0; j < _config.Hidden; j++)
                        {
                            _hiddenPre[b, j] += _inputWeights[row, j];
                        }
                    }
                    for (int j = 0; j < _config.Hidden; j++)
                    {
                        _hiddenPre[b, j] += _hiddenBias[0, j];
                    }
                }
                _hidden = _hiddenPre.Map(Real.Tanh);
            }
        }
        """);
}
