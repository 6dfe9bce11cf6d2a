using Microsoft.CodeAnalysis.CSharp.Syntax;
using RsiSim.Core.Moves;

namespace RsiSim.Tasks.Moves;

/// <summary>A move with its rewrite: a structural patch of the candidate file (see <see cref="SourcePatch"/>).</summary>
public sealed record MoveDefinition(Move Move, string Patch)
{
    private CompilationUnitSyntax? _parsed;

    public string Id => Move.Id;

    /// <summary>The patch's syntax tree, parsed once.</summary>
    public CompilationUnitSyntax ParsedPatch => _parsed ??= SourcePatch.Parse(Patch, "patch of " + Move.Id);

    public string Apply(string source) => SourcePatch.Apply(source, Patch);
}
