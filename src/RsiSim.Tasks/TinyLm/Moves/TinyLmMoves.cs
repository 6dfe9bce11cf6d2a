using RsiSim.Core.Moves;
using RsiSim.Core.Tasks;
using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

/// <summary>The tinylm move library, in canonical order: every move after what it requires.</summary>
public static class TinyLmMoves
{
    public static IReadOnlyList<MoveDefinition> Definitions { get; } =
    [
        FlatArrays.Definition,
        Float32.Definition,
        LoopOrderIkj.Definition,
        SkipZeroRows.Definition,
        SpanMatmul.Definition,
        SimdMatmul.Definition,
        UncheckedMatmul.Definition,
        ParallelMatmul.Definition,
        BlockedMatmul.Definition,
        EmbeddingLookup.Definition,
        SparseInputGradient.Definition,
        ReuseActivations.Definition,
        ReuseOneHot.Definition,
        FusedBiasTanh.Definition,
        SimdEmbedding.Definition,
        ParallelForwardHidden.Definition,
        FusedSoftmaxCrossEntropy.Definition,
        SimdSoftmax.Definition,
        ParallelSoftmax.Definition,
        NoTransposeCopies.Definition,
        SimdTransposedProduct.Definition,
        ParallelTransposedProduct.Definition,
        SimdInputGradient.Definition,
        ParallelInputGradientBuffers.Definition,
        ParallelInputGradientColumns.Definition,
        PooledBuffers.Definition,
        FlatMomentumUpdate.Definition,
        SimdMomentumUpdate.Definition,
        ParallelMomentumUpdate.Definition,
        TwoPassParallelStep.Definition,
        WideRegisterBlocks.Definition,
        DroppedOutputBiasGradient.Definition,
        MeanScaledTwice.Definition,
        OffByOneMatmul.Definition,
        RacyInputGradient.Definition,
        RacyOutputGradient.Definition,
        HalfPrecisionWeights.Definition,
        SkippedStep.Definition,
        FastTanhApproximation.Definition,
        UpdateBeforeBackprop.Definition,
    ];

    public static MoveLibrary Library { get; } = new(Definitions.Select(d => d.Move));

    public static IReadOnlyList<Landmark> Landmarks { get; } =
    [
        new(Landmark.Expert,
            "every correct move except the dead end (reuse-one-hot) and the slower of the two ways to parallelise the input gradient",
            [.. Library.All.Where(m => m.Kind == MoveKind.Correct && m.Id is not "reuse-one-hot" and not "parallel-input-gradient-buffers").Select(m => m.Id)]),
        new(Landmark.HumanExpert,
            "what a skilled human finds in half a day: no one-hot products, no recomputation, a fused softmax, flat float32 storage",
            ["embedding-lookup", "sparse-input-gradient", "reuse-activations", "fused-softmax-cross-entropy", "flat-arrays", "float32"]),
        new(Landmark.MidWay,
            "half of the way: the human set plus SIMD matrix products and the fused hidden layer",
            ["embedding-lookup", "sparse-input-gradient", "reuse-activations", "fused-softmax-cross-entropy", "flat-arrays", "float32",
             "loop-order-ikj", "skip-zero-rows", "span-matmul", "simd-matmul", "fused-bias-tanh", "no-transpose-copies"]),
    ];
}
