using RsiSim.Core.Runs;
using RsiSim.Scenarios.Values;
using YamlDotNet.RepresentationModel;

namespace RsiSim.Scenarios.Sections;

/// <summary>Reads <c>timing: { repetitions, mostRepetitions }</c>; a key left out keeps <see cref="TimedPairs"/>' default, and
/// <c>mostRepetitions</c> left out is <c>repetitions</c> (exactly that many pairs).</summary>
internal static class TimingSection
{
    private static readonly string[] Keys = ["repetitions", "mostRepetitions"];
    private static readonly Bounds<long> Pairs = new(1, 100);

    public static TimedPairs? Read(YamlNode node, SectionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var section = MappingSection.Open(node, "timing", "a mapping such as { repetitions: 5, mostRepetitions: 20 }", context.Diagnostics, Keys);
        if (section is null)
        {
            return null;
        }
        var defaults = new TimedPairs();
        var errorsBefore = context.Diagnostics.ErrorCount;
        var repetitions = section.Find("repetitions") is { } r ? context.Numbers.WholeNumber(r, section.PathOf("repetitions"), Pairs) : defaults.Repetitions;
        var mostNode = section.Find("mostRepetitions");
        var most = mostNode is null ? repetitions : context.Numbers.WholeNumber(mostNode, section.PathOf("mostRepetitions"), Pairs);
        if (repetitions is { } least && most is { } upTo && mostNode is not null && upTo < least)
        {
            context.Diagnostics.Error(section.PathOf("mostRepetitions"), mostNode.Start,
                $"mostRepetitions {upTo} is fewer than repetitions {least}; give at least {least}, or leave it out for exactly {least} pairs");
        }
        return context.Diagnostics.ErrorCount > errorsBefore || repetitions is null || most is null
            ? null
            : new TimedPairs((int)repetitions.Value, (int)most.Value);
    }
}
