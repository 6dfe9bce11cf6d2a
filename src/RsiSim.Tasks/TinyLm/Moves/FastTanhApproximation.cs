using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

internal static class FastTanhApproximation
{
    public static MoveDefinition Definition { get; } = MoveFactory.Wrong(
        "fast-tanh-approximation", "Rational approximation of tanh", 2, "arithmetic",
        "Wrong: the Pade approximation x (27 + x^2) / (27 + 9 x^2), clamped to [-1, 1], is cheap but off by up to a few "
        + "percent for |x| between 1 and 3, where many hidden units sit; the model computes a different function.",
        "checkpoint-loss",
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
                        Real x = _hiddenBias[0, j];
                        for (int p = 0; p < context; p++)
                        {
                            x += _inputWeights[p * vocabulary + batch.Contexts[b * context + p], j];
                        }
                        Real approximation = x * (27 + x * x) / (27 + 9 * x * x);
                        _hidden[b, j] = Real.Clamp(approximation, -1, 1);
                    }
                }
            }
        }
        """,
        requires: ["embedding-lookup", "reuse-activations"],
        conflicts: ["fused-bias-tanh"]);
}
