using RsiSim.Core.Moves;
using RsiSim.Core.Tasks;

namespace RsiSim.Storage.Tests.Trials;

/// <summary>A task with a reference source and nothing else; the trial loop needs no more from it.</summary>
internal sealed class WalkTask : ITask
{
    public string Id => "walk";

    public string Title => "a task whose candidates are numbered variants";

    public string Rules => "";

    public IReadOnlyList<string> Sizes => ["small"];

    public string DefaultSize => "small";

    public string ReferenceSource => "// variant 0\n";

    public MoveLibrary Moves { get; } = new([]);

    public IReadOnlyList<Landmark> Landmarks { get; } = [new(Landmark.Expert, "nothing", [])];

    public string Compose(IReadOnlyCollection<string> moveIds) => ReferenceSource;

    public double FlopsPerRun(string size) => 1;
}
