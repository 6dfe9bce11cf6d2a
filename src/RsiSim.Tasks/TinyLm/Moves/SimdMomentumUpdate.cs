using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

internal static class SimdMomentumUpdate
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "simd-momentum-update", "Vectorised optimizer", 3, "vectorisation",
        "The momentum update is two fused multiply-adds per parameter: v = m * v + g, w = w - lr * v. With Vector512 "
        + "each instruction updates 8 or 16 parameters; the update of the large input-weight matrix becomes memory-bound.",
        """
        using System.Runtime.Intrinsics;

        public sealed class TinyLmModel
        {
            private static void Momentum(Matrix weights, Matrix velocity, Matrix grad, Real learningRate, Real momentum) =>
                MomentumSpan(weights.Data, velocity.Data, grad.Data, learningRate, momentum);

            private static void MomentumSpan(Span<Real> w, Span<Real> v, ReadOnlySpan<Real> g, Real learningRate, Real momentum)
            {
                int width = Vector512<Real>.Count;
                var m = Vector512.Create(momentum);
                var rate = Vector512.Create(-learningRate);
                int i = 0;
                for (; i <= w.Length - width; i += width)
                {
                    var next = Vector512.FusedMultiplyAdd(m, Vector512.Create(v.Slice(i, width)), Vector512.Create(g.Slice(i, width)));
                    next.CopyTo(v.Slice(i, width));
                    Vector512.FusedMultiplyAdd(rate, next, Vector512.Create(w.Slice(i, width))).CopyTo(w.Slice(i, width));
                }
                for (; i < w.Length; i++)
                {
                    Real next = momentum * v[i] + g[i];
                    v[i] = next;
                    w[i] -= learningRate * next;
                }
            }
        }
        """,
        requires: ["flat-momentum-update"]);
}
