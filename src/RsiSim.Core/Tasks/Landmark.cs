using System.Collections.Immutable;

namespace RsiSim.Core.Tasks;

/// <summary>A named composition of moves worth knowing: the expert solution, what a human reaches in half a day, a mid-way point.</summary>
public sealed record Landmark(string Name, string Description, ImmutableArray<string> Moves)
{
    public const string Expert = "expert";
    public const string HumanExpert = "human-expert";
    public const string MidWay = "mid-way";
}
