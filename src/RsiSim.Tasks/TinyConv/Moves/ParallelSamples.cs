using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyConv.Moves;

internal static class ParallelSamples
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "parallel-samples", "Samples in parallel with per-chunk gradient buffers", 2, "parallelism",
        "Samples are independent until their gradients are summed. Chunks of samples run on all cores, each chunk "
        + "summing into gradient buffers of its own, and the buffers are added up in chunk order afterwards: no "
        + "locks in the hot loop, no lost updates, and a result that does not depend on which thread ran what.",
        """
        public sealed class TinyConvModel
        {
            private const int SamplesPerChunk = 4;

            public double TrainStep(TinyConvBatch batch, double learningRate)
            {
                ArgumentNullException.ThrowIfNull(batch);
                int chunks = (_config.BatchSize + SamplesPerChunk - 1) / SamplesPerChunk;
                var parts = new Gradients[chunks];
                var losses = new double[chunks];
                Parallel.For(0, chunks, k =>
                {
                    var part = new Gradients(_config);
                    int end = Math.Min(_config.BatchSize, (k + 1) * SamplesPerChunk);
                    for (int b = k * SamplesPerChunk; b < end; b++)
                    {
                        losses[k] += TrainSample(batch, b, part);
                    }
                    parts[k] = part;
                });
                for (int k = 1; k < chunks; k++)
                {
                    parts[0].Add(parts[k]);
                }
                ApplyUpdate(parts[0], (Real)learningRate);
                return losses.Sum() / _config.BatchSize;
            }
        }

        internal sealed class Gradients
        {
            public void Add(Gradients other)
            {
                for (int f = 0; f < Kernels.Rows; f++)
                {
                    KernelBias[f] += other.KernelBias[f];
                    for (int w = 0; w < Kernels.Cols; w++)
                    {
                        Kernels[f, w] += other.Kernels[f, w];
                    }
                    for (int c = 0; c < Dense.Cols; c++)
                    {
                        Dense[f, c] += other.Dense[f, c];
                    }
                }
                for (int c = 0; c < DenseBias.Length; c++)
                {
                    DenseBias[c] += other.DenseBias[c];
                }
            }
        }
        """);
}
