using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

internal static class FlatMomentumUpdate
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "flat-momentum-update", "Optimizer over flat storage", 2, "optimizer",
        "The momentum update touches every parameter through the 2-D indexer, three times per element. Walking the "
        + "flat arrays once, keeping the new velocity in a register, does the same arithmetic with a third of the indexing.",
        """
        public sealed class TinyLmModel
        {
            private static void Momentum(Matrix weights, Matrix velocity, Matrix grad, Real learningRate, Real momentum)
            {
                Real[] w = weights.Data;
                Real[] v = velocity.Data;
                Real[] g = grad.Data;
                for (int i = 0; i < w.Length; i++)
                {
                    Real next = momentum * v[i] + g[i];
                    v[i] = next;
                    w[i] -= learningRate * next;
                }
            }
        }
        """,
        requires: ["flat-arrays"]);
}
