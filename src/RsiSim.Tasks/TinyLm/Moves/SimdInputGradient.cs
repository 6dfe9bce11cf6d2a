using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

internal static class SimdInputGradient
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "simd-input-gradient", "Fused, vectorised hidden backward pass", 3, "vectorisation",
        "The tanh derivative, the bias gradient and the scatter into the embedding rows were three passes over the "
        + "hidden gradient. One pass per sample computes g * (1 - a * a) in place with vectors, adds it to the bias "
        + "gradient and to the Context rows its characters select.",
        """
        using System.Numerics.Tensors;
        using System.Runtime.Intrinsics;

        public sealed class TinyLmModel
        {
            private void BackwardHidden(TinyLmBatch batch)
            {
                _inputGrad = Matrix.Create(_config.InputSize, _config.Hidden);
                _hiddenBiasGrad = Matrix.Create(1, _config.Hidden);
                Span<Real> biasGrad = _hiddenBiasGrad.Row(0);
                for (int b = 0; b < _config.BatchSize; b++)
                {
                    Span<Real> grad = PreActivationGradient(b);
                    TensorPrimitives.Add(biasGrad, grad, biasGrad);
                    for (int p = 0; p < _config.Context; p++)
                    {
                        Span<Real> row = _inputGrad.Row(p * _config.Vocabulary + batch.Contexts[b * _config.Context + p]);
                        TensorPrimitives.Add(row, grad, row);
                    }
                }
            }

            // Turns row b of the hidden gradient into the pre-activation gradient g * (1 - a * a), in place.
            private Span<Real> PreActivationGradient(int b)
            {
                Span<Real> grad = _hiddenGrad.Row(b);
                ReadOnlySpan<Real> activation = _hidden.Row(b);
                int width = Vector512<Real>.Count;
                int j = 0;
                for (; j <= grad.Length - width; j += width)
                {
                    var g = Vector512.Create(grad.Slice(j, width));
                    var a = Vector512.Create(activation.Slice(j, width));
                    Vector512.FusedMultiplyAdd(-(g * a), a, g).CopyTo(grad.Slice(j, width));
                }
                for (; j < grad.Length; j++)
                {
                    grad[j] -= grad[j] * activation[j] * activation[j];
                }
                return grad;
            }
        }
        """,
        requires: ["sparse-input-gradient", "reuse-activations", "flat-arrays"]);
}
