using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

internal static class FusedBiasTanh
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "fused-bias-tanh", "Fused embedding sum, bias and tanh", 2, "arithmetic",
        "Summing the embedding rows, adding the bias and applying tanh were three passes and two matrices, with tanh "
        + "called through a delegate. One pass per element keeps the sum in a register and writes the activation once. "
        + "The pre-activation is no longer stored, so the backward pass must use the activation (reuse-activations).",
        """
        public sealed class TinyLmModel
        {
            private void ForwardHidden(TinyLmBatch batch)
            {
                int context = _config.Context;
                int vocabulary = _config.Vocabulary;
                _hidden = Matrix.Create(_config.BatchSize, _config.Hidden);
                for (int b = 0; b < _config.BatchSize; b++)
                {
                    for (int j = 0; j < _config.Hidden; j++)
                    {
                        Real sum = _hiddenBias[0, j];
                        for (int p = 0; p < context; p++)
                        {
                            sum += _inputWeights[p * vocabulary + batch.Contexts[b * context + p], j];
                        }
                        _hidden[b, j] = Real.Tanh(sum);
                    }
                }
            }
        }
        """,
        requires: ["embedding-lookup", "reuse-activations"]);
}
