using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

internal static class ParallelInputGradientColumns
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "parallel-input-gradient-columns", "Parallel input gradient over hidden columns", 4, "parallelism",
        "Instead of splitting samples (which race on shared rows), split the hidden units: each thread handles every "
        + "sample but only its own slice of columns, so no two threads ever write the same value and no buffers are needed.",
        """
        using System.Numerics.Tensors;

        public sealed class TinyLmModel
        {
            private void BackwardHidden(TinyLmBatch batch)
            {
                _inputGrad = Matrix.Create(_config.InputSize, _config.Hidden);
                _hiddenBiasGrad = Matrix.Create(1, _config.Hidden);
                Parallel.For(0, _config.BatchSize, b => PreActivationGradient(b));
                int slices = Math.Max(1, _config.Hidden / 64);
                int width = (_config.Hidden + slices - 1) / slices;
                Parallel.For(0, slices, slice =>
                {
                    int start = slice * width;
                    int length = Math.Min(width, _config.Hidden - start);
                    Span<Real> biasGrad = _hiddenBiasGrad.Row(0).Slice(start, length);
                    for (int b = 0; b < _config.BatchSize; b++)
                    {
                        ReadOnlySpan<Real> grad = _hiddenGrad.Row(b).Slice(start, length);
                        TensorPrimitives.Add(biasGrad, grad, biasGrad);
                        for (int p = 0; p < _config.Context; p++)
                        {
                            Span<Real> row = _inputGrad.Row(p * _config.Vocabulary + batch.Contexts[b * _config.Context + p]).Slice(start, length);
                            TensorPrimitives.Add(row, grad, row);
                        }
                    }
                });
            }
        }
        """,
        requires: ["simd-input-gradient"],
        conflicts: ["parallel-input-gradient-buffers"]);
}
