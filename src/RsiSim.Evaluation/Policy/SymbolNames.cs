using Microsoft.CodeAnalysis;

namespace RsiSim.Evaluation.Policy;

/// <summary>The names the policy matches symbols by: "System.IO.File", "System.IO.File.ReadAllText", "System.Type.op_Equality".</summary>
internal static class SymbolNames
{
    private static readonly SymbolDisplayFormat TypeFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.None);

    public static string Qualified(ISymbol symbol) => symbol switch
    {
        INamedTypeSymbol type => type.ToDisplayString(TypeFormat),
        { ContainingType: { } owner } => owner.ToDisplayString(TypeFormat) + "." + symbol.MetadataName,
        _ => symbol.ToDisplayString(TypeFormat),
    };

    public static string Namespace(INamedTypeSymbol type)
    {
        var ns = type.ContainingNamespace;
        return ns is null || ns.IsGlobalNamespace ? "" : ns.ToDisplayString();
    }
}
