using RsiSim.Core.Tasks;
using RsiSim.Tasks.TinyLm;

namespace RsiSim.Tasks.Tests.TinyLm;

public sealed class TinyLmExamplesTests
{
    public static TheoryData<string, string> Examples() => new()
    {
        { "tinylm-expert.cs", Landmark.Expert },
        { "tinylm-human-expert.cs", Landmark.HumanExpert },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_shipped_example_is_exactly_its_landmark_composed(string file, string landmark)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "examples", file);
        string expected = TinyLmTask.Instance.Compose(TinyLmTask.Instance.Landmark(landmark).Moves);

        Assert.True(File.ReadAllText(path) == expected, $"examples/{file} is stale: regenerate it with 'rsisim tasks tinylm --compose <the {landmark} moves>'");
    }
}
