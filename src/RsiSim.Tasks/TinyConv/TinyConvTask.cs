using RsiSim.Core.Moves;
using RsiSim.Core.Tasks;
using RsiSim.Tasks.Harness;
using RsiSim.Tasks.Moves;
using RsiSim.Tasks.TinyConv.Moves;

namespace RsiSim.Tasks.TinyConv;

/// <summary>tinyconv: a 1-D convolutional classifier (convolution, ReLU, global average pooling, dense softmax) trained with SGD and momentum.</summary>
public sealed class TinyConvTask : IHarnessedTask
{
    public static TinyConvTask Instance { get; } = new();

    public string Id => "tinyconv";

    public string Title => "1-D convolutional signal classifier: convolution, ReLU, global average pooling, dense softmax, SGD with momentum";

    public string Rules => TaskResources.Read("TinyConv.Rules.md");

    public IReadOnlyList<string> Sizes { get; } = [.. TinyConvSize.All.Select(s => s.Name)];

    public string DefaultSize => TinyConvSize.Small.Name;

    // Read on first use: the sandbox worker finds the task by its id and never needs its source.
    private readonly Lazy<string> _referenceSource = new(() => TaskResources.Read("TinyConv.Reference.TinyConvReference.cs"));

    public string ReferenceSource => _referenceSource.Value;

    public MoveLibrary Moves => TinyConvMoves.Library;

    public IReadOnlyList<Landmark> Landmarks => TinyConvMoves.Landmarks;

    public IReadOnlyList<MoveDefinition> MoveDefinitions => TinyConvMoves.Definitions;

    public ITaskHarness Harness { get; } = new TinyConvHarness();

    public string Compose(IReadOnlyCollection<string> moveIds) =>
        MoveComposer.Compose(ReferenceSource, TinyConvMoves.Library, MoveDefinitions, moveIds);

    public double FlopsPerRun(string size) => TinyConvFlops.PerRun(TinyConvSize.Named(size).Config);
}
