using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

internal static class UpdateBeforeBackprop
{
    public static MoveDefinition Definition { get; } = MoveFactory.Wrong(
        "update-before-backprop", "Update the output weights as soon as their gradient is ready", 3, "optimizer",
        "Wrong: fusing the output-weight update into the backward pass updates the weights before the hidden gradient "
        + "is computed from them, so the hidden layer is trained against weights one step ahead.",
        "checkpoint-loss",
        """
        public sealed class TinyLmModel
        {
            private Real _learningRate;

            public double TrainStep(TinyLmBatch batch, double learningRate)
            {
                ArgumentNullException.ThrowIfNull(batch);
                _learningRate = (Real)learningRate;
                ForwardHidden(batch);
                double loss = ForwardOutput(batch);
                BackwardOutput(batch);
                BackwardHidden(batch);
                ApplyUpdate((Real)learningRate);
                return loss;
            }

            private void BackwardOutput(TinyLmBatch batch)
            {
                Matrix logitGrad = LogitGradient(batch.Targets);
                _outputGrad = Matrix.MultiplyTransposedA(_hidden, logitGrad);
                _outputBiasGrad = logitGrad.SumRows();
                Momentum(_outputWeights, _outputVelocity, _outputGrad, _learningRate, (Real)_config.Momentum);
                _hiddenGrad = Matrix.Multiply(logitGrad, _outputWeights.Transpose());
            }

            private void ApplyUpdate(Real learningRate)
            {
                var momentum = (Real)_config.Momentum;
                Momentum(_inputWeights, _inputVelocity, _inputGrad, learningRate, momentum);
                Momentum(_hiddenBias, _hiddenBiasVelocity, _hiddenBiasGrad, learningRate, momentum);
                Momentum(_outputBias, _outputBiasVelocity, _outputBiasGrad, learningRate, momentum);
            }
        }
        """,
        requires: ["no-transpose-copies"],
        conflicts: ["pooled-buffers", "skipped-step", "parallel-momentum-update"]);
}
