using RsiSim.Core.Moves;
using RsiSim.Core.Tasks;
using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyConv.Moves;

/// <summary>The tinyconv move library, in canonical order: every move after what it requires.</summary>
public static class TinyConvMoves
{
    public static IReadOnlyList<MoveDefinition> Definitions { get; } =
    [
        FlatArrays.Definition,
        Float32.Definition,
        ReuseActivations.Definition,
        FusedConvReluPool.Definition,
        FactoredPoolGradient.Definition,
        Im2Col.Definition,
        SimdConvolution.Definition,
        BlockedConvolution.Definition,
        SimdKernelGradient.Definition,
        BlockedKernelGradient.Definition,
        ParallelSamples.Definition,
        StepWorkspace.Definition,
        OffByOneWindow.Definition,
        PoolDividedByLength.Definition,
        DroppedKernelBiasGradient.Definition,
        UnscaledPoolGradient.Definition,
        RacySampleGradients.Definition,
        HalfPrecisionSignals.Definition,
    ];

    public static MoveLibrary Library { get; } = new(Definitions.Select(d => d.Move));

    public static IReadOnlyList<Landmark> Landmarks { get; } =
    [
        new(Landmark.Expert,
            "every correct move except the dead end (im2col)",
            [.. Library.All.Where(m => m.Kind == MoveKind.Correct && m.Id is not "im2col").Select(m => m.Id)]),
        new(Landmark.HumanExpert,
            "what a skilled human finds in half a day: no recomputation, one fused forward pass, the factored pooling gradient, flat float32 storage, samples in parallel",
            ["reuse-activations", "fused-conv-relu-pool", "factored-pool-gradient", "flat-arrays", "float32", "parallel-samples"]),
        new(Landmark.MidWay,
            "half of the way: the human set plus the vectorised convolution and kernel gradient",
            ["reuse-activations", "fused-conv-relu-pool", "factored-pool-gradient", "flat-arrays", "float32", "parallel-samples", "simd-convolution", "simd-kernel-gradient"]),
    ];
}
