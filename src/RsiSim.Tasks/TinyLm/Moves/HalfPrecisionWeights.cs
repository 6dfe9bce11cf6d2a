using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

internal static class HalfPrecisionWeights
{
    public static MoveDefinition Definition { get; } = MoveFactory.Wrong(
        "half-precision-weights", "Keep the weights in half precision", 2, "layout",
        "Wrong: rounding every weight to Half after its update 'halves the memory traffic', but Half keeps about three "
        + "significant digits: most updates are smaller than a weight's rounding step and vanish, and training stalls.",
        "checkpoint-loss",
        """
        public sealed class TinyLmModel
        {
            private static void Momentum(Matrix weights, Matrix velocity, Matrix grad, Real learningRate, Real momentum)
            {
                for (int r = 0; r < weights.Rows; r++)
                {
                    for (int c = 0; c < weights.Cols; c++)
                    {
                        velocity[r, c] = momentum * velocity[r, c] + grad[r, c];
                        weights[r, c] = (Real)(float)(Half)(float)(weights[r, c] - learningRate * velocity[r, c]);
                    }
                }
            }
        }
        """,
        conflicts: ["flat-momentum-update"]);
}
