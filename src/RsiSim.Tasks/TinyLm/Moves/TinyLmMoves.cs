using RsiSim.Core.Moves;
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
}
