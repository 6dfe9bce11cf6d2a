using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyConv.Moves;

internal static class Float32
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "float32", "float32 arithmetic", 1, "layout",
        "Half the bytes per value: twice as many signal values and activations per cache line and per SIMD register. "
        + "Training in float32 stays far inside the checks' tolerance of the double-precision reference.",
        """
        using Real = float; // the precision of the model's arithmetic
        """);
}
