using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

internal static class RacyInputGradient
{
    public static MoveDefinition Definition { get; } = MoveFactory.Wrong(
        "racy-input-gradient", "Parallel hidden backward pass with shared scratch and sums", 3, "parallelism",
        "Wrong: Parallel.For over samples, but every thread computes its pre-activation gradient in the one scratch "
        + "row the model keeps and adds into the shared gradient rows without synchronisation. Threads overwrite each "
        + "other's scratch and lose each other's additions, differently on every run.",
        "checkpoint-loss",
        """
        using System.Numerics.Tensors;

        public sealed class TinyLmModel
        {
            private Real[] _scratch = null!;

            private void BackwardHidden(TinyLmBatch batch)
            {
                _inputGrad = Matrix.Create(_config.InputSize, _config.Hidden);
                _hiddenBiasGrad = Matrix.Create(1, _config.Hidden);
                _scratch ??= new Real[_config.Hidden];
                Parallel.For(0, _config.BatchSize, b =>
                {
                    Span<Real> grad = _scratch;
                    ReadOnlySpan<Real> g = _hiddenGrad.Row(b);
                    ReadOnlySpan<Real> a = _hidden.Row(b);
                    for (int j = 0; j < grad.Length; j++)
                    {
                        grad[j] = g[j] * (1 - a[j] * a[j]);
                    }
                    TensorPrimitives.Add(_hiddenBiasGrad.Row(0), grad, _hiddenBiasGrad.Row(0));
                    for (int p = 0; p < _config.Context; p++)
                    {
                        Span<Real> row = _inputGrad.Row(p * _config.Vocabulary + batch.Contexts[b * _config.Context + p]);
                        TensorPrimitives.Add(row, grad, row);
                    }
                });
            }
        }
        """,
        requires: ["sparse-input-gradient", "reuse-activations", "flat-arrays"],
        conflicts: ["simd-input-gradient"]);
}
