using RsiSim.Core.Runs;
using RsiSim.Scenarios.Values;
using YamlDotNet.RepresentationModel;

namespace RsiSim.Scenarios.Sections;

/// <summary>Reads <c>loop: { compounding, minimumGain }</c> of the scenario or of one arm; a key left out keeps <see cref="LoopOptions"/>' default.</summary>
internal static class LoopSection
{
    private static readonly string[] Keys = ["compounding", "minimumGain"];
    private static readonly Bounds<double> Compounding = new(0, 4);
    private static readonly Bounds<double> MinimumGain = new(0, 1);

    public static LoopOptions? Read(YamlNode node, SectionContext context, string path = "loop")
    {
        ArgumentNullException.ThrowIfNull(context);
        var section = MappingSection.Open(node, path, "a mapping such as { compounding: 0.5 }", context.Diagnostics, Keys);
        if (section is null)
        {
            return null;
        }
        var defaults = new LoopOptions();
        var errorsBefore = context.Diagnostics.ErrorCount;
        var compounding = section.Find("compounding") is { } c ? context.Numbers.Number(c, section.PathOf("compounding"), Compounding) : defaults.Compounding;
        var minimumGain = section.Find("minimumGain") is { } g ? context.Numbers.Number(g, section.PathOf("minimumGain"), MinimumGain) : defaults.MinimumGain;
        return context.Diagnostics.ErrorCount > errorsBefore || compounding is null || minimumGain is null
            ? null
            : new LoopOptions(MinimumGain: minimumGain.Value, Compounding: compounding.Value);
    }
}
