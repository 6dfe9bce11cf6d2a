using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RsiSim.Core.Evaluations;
using RsiSim.Evaluation.Compilation;

namespace RsiSim.Evaluation.Policy;

/// <summary>Checks a compiled candidate against the policy on Roslyn's semantic model, before any of it runs.</summary>
/// <remarks>
/// Every name in the candidate file is bound to its symbol and the symbol's qualified name is matched against
/// <see cref="PolicyRules"/>; extern methods, function pointers and dynamic are refused by syntax. One
/// violation is reported per rule and line.
/// </remarks>
public sealed class CandidatePolicy(IReadOnlyList<PolicyRule> rules)
{
    /// <summary>The policy with every rule of <see cref="PolicyRules.All"/>.</summary>
    public static CandidatePolicy Default { get; } = new(PolicyRules.All);

    public IReadOnlyList<PolicyRule> Rules => rules;

    public ImmutableArray<CompileDiagnostic> Check(CompileResult compiled)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        return Check(compiled.Compilation);
    }

    /// <summary>Checks the first syntax tree of <paramref name="compilation"/>, the candidate file; it need not have been emitted.</summary>
    public ImmutableArray<CompileDiagnostic> Check(Microsoft.CodeAnalysis.Compilation compilation)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        var tree = compilation.SyntaxTrees.First();
        var model = compilation.GetSemanticModel(tree);
        var own = compilation.Assembly;
        var found = new List<CompileDiagnostic>();
        var seen = new HashSet<(int Line, string Rule)>();
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            if (Violation(node, model, own) is not { } violation)
            {
                continue;
            }
            var position = node.GetLocation().GetLineSpan().StartLinePosition;
            if (seen.Add((position.Line, violation.Rule.Id)))
            {
                found.Add(new CompileDiagnostic(position.Line + 1, position.Character + 1, violation.Rule.Id, $"{violation.What} is not allowed ({violation.Rule.Title})"));
            }
        }
        return [.. found];
    }

    private (PolicyRule Rule, string What)? Violation(SyntaxNode node, SemanticModel model, IAssemblySymbol own) => node switch
    {
        FunctionPointerTypeSyntax => (PolicyRules.UnsafeConstructs, "a function pointer type"),
        MethodDeclarationSyntax method when method.Modifiers.Any(SyntaxKind.ExternKeyword) => (PolicyRules.UnsafeConstructs, $"extern method {method.Identifier.ValueText}"),
        LocalFunctionStatementSyntax local when local.Modifiers.Any(SyntaxKind.ExternKeyword) => (PolicyRules.UnsafeConstructs, $"extern local function {local.Identifier.ValueText}"),
        PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.AddressOfExpression } address when model.GetSymbolInfo(address.Operand).Symbol is IMethodSymbol
            => (PolicyRules.UnsafeConstructs, "the address of a method (a function pointer)"),
        SimpleNameSyntax name => SymbolViolation(Bind(model, name), own),
        ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax => SymbolViolation(Bind(model, node), own),
        _ => null,
    };

    private static ISymbol? Bind(SemanticModel model, SyntaxNode node)
    {
        var info = model.GetSymbolInfo(node);
        return info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
    }

    private (PolicyRule Rule, string What)? SymbolViolation(ISymbol? symbol, IAssemblySymbol own)
    {
        symbol = Normalize(symbol);
        if (symbol is IDynamicTypeSymbol)
        {
            return (PolicyRules.UnsafeConstructs, "dynamic");
        }
        if (symbol is null or INamespaceSymbol or ILocalSymbol or IParameterSymbol or ITypeParameterSymbol or ILabelSymbol or IRangeVariableSymbol or IDiscardSymbol or IPreprocessingSymbol)
        {
            return null;
        }
        if (symbol is IFunctionPointerTypeSymbol)
        {
            return (PolicyRules.UnsafeConstructs, "a function pointer type");
        }
        var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
        if (type is null || SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, own))
        {
            return null;
        }
        string name = SymbolNames.Qualified(symbol);
        foreach (var rule in rules)
        {
            if (rule.Forbids(name))
            {
                return (rule, name);
            }
        }
        string ns = SymbolNames.Namespace(type);
        return PolicyRules.IsAllowedNamespace(ns) ? null : (PolicyRules.OutsideAllowedNamespaces, $"{name} (namespace {ns})");
    }

    // The declared symbol behind a use: extension methods as declared, generics as defined, arrays and pointers by element.
    private static ISymbol? Normalize(ISymbol? symbol)
    {
        while (true)
        {
            switch (symbol)
            {
                case IMethodSymbol { ReducedFrom: { } declared }:
                    symbol = declared;
                    break;
                case IArrayTypeSymbol array:
                    symbol = array.ElementType;
                    break;
                case IPointerTypeSymbol pointer:
                    symbol = pointer.PointedAtType;
                    break;
                case IAliasSymbol alias:
                    symbol = alias.Target;
                    break;
                case { } s when !SymbolEqualityComparer.Default.Equals(s, s.OriginalDefinition):
                    symbol = s.OriginalDefinition;
                    break;
                default:
                    return symbol;
            }
        }
    }
}
