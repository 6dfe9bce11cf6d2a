using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

internal static class ReuseActivations
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "reuse-activations", "No recomputation in the backward pass", 1, "arithmetic",
        "The backward pass recomputes tanh(z) twice per hidden unit although the forward pass kept it: "
        + "1 - a * a with the stored activation gives the same derivative without two transcendental calls.",
        """
        public sealed class TinyLmModel
        {
            // d tanh(z) / dz = 1 - tanh(z)^2, and tanh(z) is the stored activation.
            private Matrix HiddenPreGradient() =>
                _hiddenGrad.Zip(_hidden, (g, a) => g * (1 - a * a));
        }
        """);
}
