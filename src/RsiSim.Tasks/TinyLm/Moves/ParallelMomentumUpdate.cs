using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

internal static class ParallelMomentumUpdate
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "parallel-momentum-update", "Parallel optimizer over the input weights", 3, "parallelism",
        "Updating the input weights streams three arrays of Context * Vocabulary * Hidden values through memory every "
        + "step. Two halves on two cores get more memory bandwidth; the small matrices stay on one thread.",
        """
        public sealed class TinyLmModel
        {
            private void ApplyUpdate(Real learningRate)
            {
                var momentum = (Real)_config.Momentum;
                Parallel.Invoke(
                    () => MomentumRows(_inputWeights, _inputVelocity, _inputGrad, learningRate, momentum, 0, _inputWeights.Rows / 2),
                    () => MomentumRows(_inputWeights, _inputVelocity, _inputGrad, learningRate, momentum, _inputWeights.Rows / 2, _inputWeights.Rows));
                Momentum(_hiddenBias, _hiddenBiasVelocity, _hiddenBiasGrad, learningRate, momentum);
                Momentum(_outputWeights, _outputVelocity, _outputGrad, learningRate, momentum);
                Momentum(_outputBias, _outputBiasVelocity, _outputBiasGrad, learningRate, momentum);
            }

            private static void MomentumRows(Matrix weights, Matrix velocity, Matrix grad, Real learningRate, Real momentum, int startRow, int endRow)
            {
                int from = startRow * weights.Cols;
                int length = (endRow - startRow) * weights.Cols;
                MomentumSpan(weights.Data.AsSpan(from, length), velocity.Data.AsSpan(from, length), grad.Data.AsSpan(from, length), learningRate, momentum);
            }
        }
        """,
        requires: ["simd-momentum-update"]);
}
