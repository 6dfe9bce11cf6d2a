using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

internal static class RacyOutputGradient
{
    public static MoveDefinition Definition { get; } = MoveFactory.Wrong(
        "racy-output-gradient", "Parallel output gradient over samples, unsynchronised", 3, "parallelism",
        "Wrong: Parallel.For over samples, each adding its outer product and its logit gradient into the shared "
        + "output-weight and output-bias gradients with plain +=. Read-modify-writes of different threads interleave "
        + "and contributions are lost, a different number on every run.",
        "checkpoint-loss",
        """
        public sealed class TinyLmModel
        {
            private void BackwardOutput(TinyLmBatch batch)
            {
                Matrix logitGrad = LogitGradient(batch.Targets);
                _outputGrad = Matrix.Create(_config.Hidden, _config.Vocabulary);
                _outputBiasGrad = Matrix.Create(1, _config.Vocabulary);
                Parallel.For(0, logitGrad.Rows, r =>
                {
                    for (int c = 0; c < logitGrad.Cols; c++)
                    {
                        Real g = logitGrad[r, c];
                        _outputBiasGrad[0, c] += g;
                        for (int i = 0; i < _config.Hidden; i++)
                        {
                            _outputGrad[i, c] += _hidden[r, i] * g;
                        }
                    }
                });
                _hiddenGrad = Matrix.Multiply(logitGrad, _outputWeights.Transpose());
            }
        }
        """,
        conflicts: ["no-transpose-copies", "dropped-output-bias-grad"]);
}
