using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using RsiSim.Core.Evaluations;

namespace RsiSim.Evaluation.Compilation;

/// <summary>A compiled candidate image, or the errors that stopped it, with the tree the policy inspects.</summary>
public sealed record CompileResult(byte[]? Image, ImmutableArray<CompileDiagnostic> Errors, Microsoft.CodeAnalysis.Compilation Compilation)
{
    public bool Succeeded => Image is not null;

    public SyntaxTree Tree => Compilation.SyntaxTrees.First();
}
