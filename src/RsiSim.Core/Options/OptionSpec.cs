using System.Collections.Immutable;

namespace RsiSim.Core.Options;

/// <summary>One option an agent accepts: its name, type, meaning, default and limits.</summary>
public sealed record OptionSpec(string Name, OptionType Type, string Description)
{
    public bool Required { get; init; }

    /// <summary>The value used when the arm does not set it; null for none.</summary>
    public object? Default { get; init; }

    public double? Minimum { get; init; }

    public double? Maximum { get; init; }

    /// <summary>For <see cref="OptionType.Choice"/>: the allowed values; for <see cref="OptionType.NumberMap"/>: the allowed keys (empty: any).</summary>
    public ImmutableArray<string> Choices { get; init; } = [];
}
