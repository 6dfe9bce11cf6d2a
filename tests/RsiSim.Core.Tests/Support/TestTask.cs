using RsiSim.Core.Moves;
using RsiSim.Core.Tasks;

namespace RsiSim.Core.Tests.Support;

/// <summary>A task with no harness: the loop only needs its reference source and moves.</summary>
internal sealed class TestTask : ITask
{
    public string Id => "test";

    public string Title => "a task for loop tests";

    public string Rules => "";

    public IReadOnlyList<string> Sizes { get; } = ["small"];

    public string DefaultSize => "small";

    public string ReferenceSource => "speedup 1.0 reference";

    public MoveLibrary Moves { get; } = new([]);

    public IReadOnlyList<Landmark> Landmarks { get; } = [new(Landmark.Expert, "nothing", [])];

    public string Compose(IReadOnlyCollection<string> moveIds) => ReferenceSource;

    public double FlopsPerRun(string size) => 1;
}
