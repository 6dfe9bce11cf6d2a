using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

internal static class SkippedStep
{
    public static MoveDefinition Definition { get; } = MoveFactory.Wrong(
        "skipped-step", "Skip every fourth update", 1, "optimizer",
        "Wrong: 'momentum carries the weights through an occasional skipped update', so every fourth step computes the "
        + "loss but never updates. That is fewer training steps than the schedule, and the loss curve drifts off.",
        "checkpoint-loss",
        """
        public sealed class TinyLmModel
        {
            private int _step;

            public double TrainStep(TinyLmBatch batch, double learningRate)
            {
                ArgumentNullException.ThrowIfNull(batch);
                ForwardHidden(batch);
                double loss = ForwardOutput(batch);
                if (++_step % 4 != 0)
                {
                    BackwardOutput(batch);
                    BackwardHidden(batch);
                    ApplyUpdate((Real)learningRate);
                }
                return loss;
            }
        }
        """,
        conflicts: ["pooled-buffers"]);
}
