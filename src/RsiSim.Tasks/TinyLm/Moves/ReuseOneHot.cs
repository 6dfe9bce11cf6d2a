using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

internal static class ReuseOneHot
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "reuse-one-hot", "Build the one-hot input once per step", 1, "memory",
        "The backward pass rebuilds the same one-hot matrix the forward pass built. Keeping the forward pass's copy "
        + "saves one allocation and one fill per step. A small, safe win that leaves the real cost, the dense one-hot "
        + "products, in place: a dead end next to the embedding lookup.",
        """
        public sealed class TinyLmModel
        {
            private Matrix _input = null!;

            private void ForwardHidden(TinyLmBatch batch)
            {
                _input = OneHot(batch);
                _hiddenPre = Matrix.Multiply(_input, _inputWeights).AddRow(_hiddenBias);
                _hidden = _hiddenPre.Map(Real.Tanh);
            }

            private void BackwardHidden(TinyLmBatch batch)
            {
                Matrix preGrad = HiddenPreGradient();
                _inputGrad = Matrix.Multiply(_input.Transpose(), preGrad);
                _hiddenBiasGrad = preGrad.SumRows();
            }
        }
        """,
        conflicts: ["embedding-lookup", "sparse-input-gradient"]);
}
