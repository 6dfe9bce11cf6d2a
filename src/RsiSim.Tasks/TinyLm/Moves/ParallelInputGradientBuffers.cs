using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

internal static class ParallelInputGradientBuffers
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "parallel-input-gradient-buffers", "Parallel input gradient with per-thread buffers", 3, "parallelism",
        "Samples scatter into shared embedding rows, so splitting samples across threads would race. Each thread sums "
        + "its samples into a buffer of its own, and the buffers are added into the gradient one after another. The "
        + "extra zeroing and adding of whole buffers eats much of the gain at this size: a move that barely pays.",
        """
        using System.Numerics.Tensors;

        public sealed class TinyLmModel
        {
            private void BackwardHidden(TinyLmBatch batch)
            {
                _inputGrad = Matrix.Create(_config.InputSize, _config.Hidden);
                _hiddenBiasGrad = Matrix.Create(1, _config.Hidden);
                var gate = new object();
                Parallel.For(
                    0,
                    _config.BatchSize,
                    () => (Input: new Real[_config.InputSize * _config.Hidden], Bias: new Real[_config.Hidden]),
                    (b, _, local) =>
                    {
                        Span<Real> grad = PreActivationGradient(b);
                        TensorPrimitives.Add(local.Bias, grad, local.Bias);
                        for (int p = 0; p < _config.Context; p++)
                        {
                            int row = p * _config.Vocabulary + batch.Contexts[b * _config.Context + p];
                            Span<Real> target = local.Input.AsSpan(row * _config.Hidden, _config.Hidden);
                            TensorPrimitives.Add(target, grad, target);
                        }
                        return local;
                    },
                    local =>
                    {
                        lock (gate)
                        {
                            TensorPrimitives.Add(_inputGrad.Data, local.Input, _inputGrad.Data);
                            TensorPrimitives.Add(_hiddenBiasGrad.Data, local.Bias, _hiddenBiasGrad.Data);
                        }
                    });
            }
        }
        """,
        requires: ["simd-input-gradient"]);
}
