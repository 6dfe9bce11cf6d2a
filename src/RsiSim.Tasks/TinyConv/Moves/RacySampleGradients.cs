using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyConv.Moves;

internal static class RacySampleGradients
{
    public static MoveDefinition Definition { get; } = MoveFactory.Wrong(
        "racy-sample-gradients", "Samples in parallel into one shared gradient", 2, "parallelism",
        "Wrong: Parallel.For over samples, all adding into the same gradient buffers with plain +=. The loss total "
        + "is guarded by a lock, the gradients are not: read-modify-writes of two threads on the same kernel tap "
        + "interleave and one contribution is lost, a different number on every run.",
        "checkpoint-loss",
        """
        public sealed class TinyConvModel
        {
            public double TrainStep(TinyConvBatch batch, double learningRate)
            {
                ArgumentNullException.ThrowIfNull(batch);
                var grads = new Gradients(_config);
                double total = 0;
                var gate = new object();
                Parallel.For(0, _config.BatchSize, b =>
                {
                    double loss = TrainSample(batch, b, grads);
                    lock (gate)
                    {
                        total += loss;
                    }
                });
                ApplyUpdate(grads, (Real)learningRate);
                return total / _config.BatchSize;
            }
        }
        """,
        conflicts: ["parallel-samples"]);
}
