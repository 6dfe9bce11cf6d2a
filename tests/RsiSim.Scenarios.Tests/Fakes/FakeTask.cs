using RsiSim.Core.Moves;
using RsiSim.Core.Tasks;

namespace RsiSim.Scenarios.Tests.Fakes;

/// <summary>A task with a name and sizes only: all the loader looks at.</summary>
public sealed class FakeTask(string id, string[] sizes, string defaultSize) : ITask
{
    public string Id { get; } = id;

    public string Title => "a fake task for loader tests";

    public string Rules => "";

    public IReadOnlyList<string> Sizes { get; } = sizes;

    public string DefaultSize { get; } = defaultSize;

    public string ReferenceSource => "";

    public MoveLibrary Moves { get; } = new([]);

    public IReadOnlyList<Landmark> Landmarks { get; } = [new(Landmark.Expert, "nothing", [])];

    public string Compose(IReadOnlyCollection<string> moveIds) => throw new NotSupportedException("The loader never composes.");

    public double FlopsPerRun(string size) => 0;
}
