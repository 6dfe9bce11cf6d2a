using RsiSim.Core.Moves;
using RsiSim.Core.Tasks;
using RsiSim.Tasks.Harness;
using RsiSim.Tasks.Moves;
using RsiSim.Tasks.TinyLm.Moves;

namespace RsiSim.Tasks.TinyLm;

/// <summary>tinylm: a character-level language model (one-hot context, tanh hidden layer, softmax) trained with SGD and momentum.</summary>
public sealed class TinyLmTask : IHarnessedTask
{
    public static TinyLmTask Instance { get; } = new();

    public string Id => "tinylm";

    public string Title => "character-level language model: one-hot context, tanh hidden layer, softmax output, SGD with momentum";

    public string Rules => TaskResources.Read("TinyLm.Rules.md");

    public IReadOnlyList<string> Sizes { get; } = [.. TinyLmSize.All.Select(s => s.Name)];

    public string DefaultSize => TinyLmSize.Small.Name;

    // Read on first use: the sandbox worker finds the task by its id and never needs its source.
    private readonly Lazy<string> _referenceSource = new(() => TaskResources.Read("TinyLm.Reference.TinyLmReference.cs"));

    public string ReferenceSource => _referenceSource.Value;

    public MoveLibrary Moves => TinyLmMoves.Library;

    public IReadOnlyList<Landmark> Landmarks => TinyLmMoves.Landmarks;

    public IReadOnlyList<MoveDefinition> MoveDefinitions => TinyLmMoves.Definitions;

    public ITaskHarness Harness { get; } = new TinyLmHarness();

    public string Compose(IReadOnlyCollection<string> moveIds) =>
        MoveComposer.Compose(ReferenceSource, TinyLmMoves.Library, MoveDefinitions, moveIds);

    public double FlopsPerRun(string size) =>
        TinyLmFlops.PerRun((TinyLmSize.Find(size) ?? throw new ArgumentException($"unknown tinylm size '{size}'", nameof(size))).Config);
}
