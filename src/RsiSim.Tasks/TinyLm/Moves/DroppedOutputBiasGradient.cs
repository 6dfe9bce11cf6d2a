using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

internal static class DroppedOutputBiasGradient
{
    public static MoveDefinition Definition { get; } = MoveFactory.Wrong(
        "dropped-output-bias-grad", "Drop the output bias gradient", 1, "arithmetic",
        "Wrong: 'the bias barely moves, skip its gradient'. The output bias learns the characters' frequencies early in "
        + "training; freezing it changes the loss curve from the first steps on.",
        "checkpoint-loss",
        """
        public sealed class TinyLmModel
        {
            private void BackwardOutput(TinyLmBatch batch)
            {
                Matrix logitGrad = LogitGradient(batch.Targets);
                _outputGrad = Matrix.Multiply(_hidden.Transpose(), logitGrad);
                _outputBiasGrad = Matrix.Create(1, _config.Vocabulary);
                _hiddenGrad = Matrix.Multiply(logitGrad, _outputWeights.Transpose());
            }
        }
        """,
        conflicts: ["no-transpose-copies"]);
}
