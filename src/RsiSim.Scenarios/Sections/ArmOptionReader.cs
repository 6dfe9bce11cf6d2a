using RsiSim.Core.Agents;
using RsiSim.Core.Options;
using RsiSim.Scenarios.Values;
using YamlDotNet.RepresentationModel;

namespace RsiSim.Scenarios.Sections;

/// <summary>Reads an arm's keys other than name, agent and loop as that agent's options, each checked against its <see cref="OptionSpec"/>.</summary>
internal static class ArmOptionReader
{
    private static readonly string[] ArmKeys = ["name", "agent", "loop"];

    // A duration option with no stated maximum still has one, so that "timeout: 1e12" is caught.
    private static readonly TimeSpan LongestDuration = TimeSpan.FromDays(365);

    public static OptionValues? Read(MappingSection arm, AgentDescriptor descriptor, SectionContext context)
    {
        ArgumentNullException.ThrowIfNull(arm);
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(context);
        var errorsBefore = context.Diagnostics.ErrorCount;
        var owner = $"agent '{descriptor.Name}'";
        var ownerOfUnknown = descriptor.Options.IsEmpty ? $"{owner}, which takes no options" : owner;
        arm.RejectUnknownKeys([.. ArmKeys, .. descriptor.Options.Select(s => s.Name)], "option", ownerOfUnknown);
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var spec in descriptor.Options)
        {
            var node = arm.Find(spec.Name);
            if (node is null)
            {
                if (spec.Required)
                {
                    context.Diagnostics.Error(arm.PathOf(spec.Name), arm.Node.Start, $"option '{spec.Name}' of {owner} is required: {spec.Description}");
                }
                continue;
            }
            if (ReadValue(spec, node, arm.PathOf(spec.Name), context) is { } value)
            {
                values[spec.Name] = value;
            }
        }
        return context.Diagnostics.ErrorCount > errorsBefore ? null : OptionValues.WithDefaults(descriptor.Options, values);
    }

    private static object? ReadValue(OptionSpec spec, YamlNode node, string path, SectionContext context) => spec.Type switch
    {
        OptionType.WholeNumber => (int?)context.Numbers.WholeNumber(node, path, WholeBounds(spec)),
        OptionType.Number => context.Numbers.Number(node, path, NumberBounds(spec)),
        OptionType.Text => context.Scalars.Text(node, path),
        OptionType.Boolean => context.Scalars.Boolean(node, path),
        OptionType.Duration => context.Numbers.Duration(node, path, DurationBounds(spec)),
        OptionType.Url => context.Scalars.Url(node, path),
        OptionType.Choice => context.Scalars.Choice(node, path, spec.Name, spec.Choices),
        OptionType.TextList => context.Collections.TextList(node, path),
        OptionType.NumberMap => context.Collections.NumberMap(node, path, NumberBounds(spec), spec.Choices),
        _ => throw new InvalidOperationException($"Option '{spec.Name}' has a type the loader does not know: {spec.Type}."),
    };

    // Whole-number options are read back with Convert.ToInt32, so they must fit in an int.
    private static Bounds<long> WholeBounds(OptionSpec spec) => new(
        (long)Math.Max(int.MinValue, Math.Ceiling(spec.Minimum ?? int.MinValue)),
        (long)Math.Min(int.MaxValue, Math.Floor(spec.Maximum ?? int.MaxValue)));

    private static Bounds<double> NumberBounds(OptionSpec spec) => new(spec.Minimum ?? double.MinValue, spec.Maximum ?? double.MaxValue);

    // Minimum and Maximum of a duration option are seconds; with no minimum, a duration must be positive.
    private static Bounds<TimeSpan> DurationBounds(OptionSpec spec) => new(
        TimeSpan.FromSeconds(spec.Minimum ?? 0),
        spec.Maximum is { } max ? TimeSpan.FromSeconds(max) : LongestDuration,
        MinExclusive: spec.Minimum is null);
}
