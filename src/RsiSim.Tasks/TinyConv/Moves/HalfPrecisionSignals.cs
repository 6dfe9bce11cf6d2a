using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyConv.Moves;

internal static class HalfPrecisionSignals
{
    public static MoveDefinition Definition { get; } = MoveFactory.Wrong(
        "half-precision-signals", "Read the signals in half precision", 2, "layout",
        "Wrong: 'the inputs are noisy anyway, 16 bits are plenty'. Half keeps about three decimal digits, so every "
        + "input moves by up to 5e-4 of its size; the convolution sums those errors over every tap and position, and "
        + "training drifts away from the reference by far more than float32 does.",
        "checkpoint-loss",
        """
        public sealed class TinyConvModel
        {
            private Real[] Signal(TinyConvBatch batch, int b)
            {
                var signal = new Real[_config.Length];
                for (int i = 0; i < _config.Length; i++)
                {
                    signal[i] = (Real)(Half)batch.Signals[b * _config.Length + i];
                }
                return signal;
            }
        }
        """,
        conflicts: ["step-workspace"]);
}
