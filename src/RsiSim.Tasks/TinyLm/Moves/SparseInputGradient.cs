using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

internal static class SparseInputGradient
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "sparse-input-gradient", "Scatter the input-weight gradient", 2, "arithmetic",
        "The transposed one-hot product in the backward pass adds each sample's hidden gradient into the Context rows "
        + "its characters select and multiplies zeros everywhere else. Adding into just those rows gives the same gradient.",
        """
        public sealed class TinyLmModel
        {
            private void BackwardHidden(TinyLmBatch batch)
            {
                Matrix preGrad = HiddenPreGradient();
                _inputGrad = Matrix.Create(_config.InputSize, _config.Hidden);
                for (int b = 0; b < _config.BatchSize; b++)
                {
                    for (int p = 0; p < _config.Context; p++)
                    {
                        int row = p * _config.Vocabulary + batch.Contexts[b * _config.Context + p];
                        for (int j = 0; j < _config.Hidden; j++)
                        {
                            _inputGrad[row, j] += preGrad[b, j];
                        }
                    }
                }
                _hiddenBiasGrad = preGrad.SumRows();
            }
        }
        """);
}
