using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

internal static class ParallelForwardHidden
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "parallel-forward-hidden", "Parallel hidden layer over samples", 3, "parallelism",
        "Every sample's hidden row depends only on its own characters: Parallel.For over samples spreads the "
        + "embedding sums and the tanh evaluations over the cores, with no shared writes.",
        """
        public sealed class TinyLmModel
        {
            private void ForwardHidden(TinyLmBatch batch)
            {
                _hidden = Matrix.Create(_config.BatchSize, _config.Hidden);
                Parallel.For(0, _config.BatchSize, b => EmbedRow(batch, b));
            }
        }
        """,
        requires: ["simd-embedding"]);
}
