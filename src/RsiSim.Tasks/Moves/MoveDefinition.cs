using RsiSim.Core.Moves;

namespace RsiSim.Tasks.Moves;

/// <summary>A move with its rewrite: a structural patch of the candidate file (see <see cref="SourcePatch"/>).</summary>
public sealed record MoveDefinition(Move Move, string Patch)
{
    public string Id => Move.Id;

    public string Apply(string source) => SourcePatch.Apply(source, Patch);
}
