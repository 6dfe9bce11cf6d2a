using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RsiSim.Tasks.Moves;

/// <summary>Applies a patch to a C# file structurally: by syntax tree, never by searching text.</summary>
/// <remarks>
/// A patch is itself a C# file. Each using alias in it replaces the alias of the same name. Each type in it is
/// matched by name: its members replace the target type's members of the same name (all overloads at once,
/// at the place of the first), members the target lacks are appended, and types the target lacks are added.
/// A patch member marked <c>[RemoveMember]</c> deletes the target's member of that name instead.
/// </remarks>
public static class SourcePatch
{
    public static string Apply(string source, string patch)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(patch);
        return Apply(Parse(source, "source"), Parse(patch, "patch")).ToFullString();
    }

    /// <summary>Applies a parsed patch to a parsed file: composing many moves parses each text only once.</summary>
    public static CompilationUnitSyntax Apply(CompilationUnitSyntax root, CompilationUnitSyntax patchRoot)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(patchRoot);
        root = ReplaceAliases(root, patchRoot);
        foreach (var patchType in patchRoot.DescendantNodes().OfType<TypeDeclarationSyntax>().Where(t => t.Parent is not TypeDeclarationSyntax))
        {
            var target = root.DescendantNodes().OfType<TypeDeclarationSyntax>().FirstOrDefault(t => t.Identifier.ValueText == patchType.Identifier.ValueText);
            root = target is null ? AddType(root, patchType) : root.ReplaceNode(target, Merge(target, patchType));
        }
        return root;
    }

    /// <summary>The name a member is matched by: methods by name, fields by variable, "this[]" for indexers, ".ctor" for constructors.</summary>
    public static string KeyOf(MemberDeclarationSyntax member) => member switch
    {
        MethodDeclarationSyntax m => m.Identifier.ValueText,
        FieldDeclarationSyntax f => string.Join(",", f.Declaration.Variables.Select(v => v.Identifier.ValueText)),
        PropertyDeclarationSyntax p => p.Identifier.ValueText,
        IndexerDeclarationSyntax => "this[]",
        ConstructorDeclarationSyntax => ".ctor",
        BaseTypeDeclarationSyntax t => t.Identifier.ValueText,
        DelegateDeclarationSyntax d => d.Identifier.ValueText,
        _ => throw new ArgumentException($"a patch cannot match a {member.Kind()}", nameof(member)),
    };

    /// <summary>Parses a source or a patch, refusing text that does not parse.</summary>
    public static CompilationUnitSyntax Parse(string text, string what)
    {
        var tree = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest));
        var errors = tree.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"the {what} does not parse: {errors[0]}");
        }
        return tree.GetCompilationUnitRoot();
    }

    private static CompilationUnitSyntax ReplaceAliases(CompilationUnitSyntax root, CompilationUnitSyntax patch)
    {
        foreach (var alias in patch.Usings.Where(u => u.Alias is not null))
        {
            var existing = root.Usings.FirstOrDefault(u => u.Alias?.Name.Identifier.ValueText == alias.Alias!.Name.Identifier.ValueText);
            root = existing is null
                ? root.AddUsings(alias)
                : root.ReplaceNode(existing, alias.WithTriviaFrom(existing));
        }
        foreach (var import in patch.Usings.Where(u => u.Alias is null))
        {
            if (!root.Usings.Any(u => u.Alias is null && u.Name?.ToString() == import.Name?.ToString()))
            {
                root = root.WithUsings(root.Usings.Insert(root.Usings.Count(u => u.Alias is null), import.WithoutTrivia().WithTrailingTrivia(SyntaxFactory.ElasticLineFeed)));
            }
        }
        return root;
    }

    private static TypeDeclarationSyntax Merge(TypeDeclarationSyntax target, TypeDeclarationSyntax patch)
    {
        var replacements = patch.Members.GroupBy(KeyOf).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var members = new List<MemberDeclarationSyntax>();
        foreach (var member in target.Members)
        {
            string key = KeyOf(member);
            if (!replacements.TryGetValue(key, out var replacement))
            {
                members.Add(member);
            }
            else if (placed.Add(key))
            {
                members.AddRange(replacement.Where(m => !IsRemoval(m)).Select(m => members.Count == 0 ? m : Spaced(m)));
            }
        }
        members.AddRange(patch.Members.Where(m => !placed.Contains(KeyOf(m)) && !IsRemoval(m)).Select(Spaced));
        return target.WithMembers(SyntaxFactory.List(members));
    }

    // A blank line before a member that comes from a patch, as between the members it sits among.
    private static MemberDeclarationSyntax Spaced(MemberDeclarationSyntax member)
    {
        var leading = member.GetLeadingTrivia();
        return leading.Count > 0 && leading[0].IsKind(SyntaxKind.EndOfLineTrivia)
            ? member
            : member.WithLeadingTrivia(leading.Insert(0, SyntaxFactory.LineFeed));
    }

    private static bool IsRemoval(MemberDeclarationSyntax member) =>
        member.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString() == "RemoveMember");

    private static CompilationUnitSyntax AddType(CompilationUnitSyntax root, TypeDeclarationSyntax type)
    {
        var ns = root.Members.OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault();
        var spaced = type.WithLeadingTrivia(type.GetLeadingTrivia().Insert(0, SyntaxFactory.LineFeed));
        return ns is null ? root.AddMembers(spaced) : root.ReplaceNode(ns, ns.AddMembers(spaced));
    }
}
