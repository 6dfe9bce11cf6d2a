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
        EmbeddingLookup.Definition,
        SparseInputGradient.Definition,
        ReuseActivations.Definition,
        PooledBuffers.Definition,
        FlatMomentumUpdate.Definition,
        DroppedOutputBiasGradient.Definition,
        MeanScaledTwice.Definition,
    ];

    public static MoveLibrary Library { get; } = new(Definitions.Select(d => d.Move));
}
