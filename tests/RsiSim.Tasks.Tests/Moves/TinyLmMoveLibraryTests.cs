using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RsiSim.Core.Moves;
using RsiSim.Tasks.Moves;
using RsiSim.Tasks.TinyLm;
using RsiSim.Tasks.TinyLm.Moves;

namespace RsiSim.Tasks.Tests.Moves;

public sealed class TinyLmMoveLibraryTests
{
    public static TheoryData<string> AllMoves() => [.. TinyLmMoves.Library.All.Select(m => m.Id)];

    [Fact]
    public void Moves_that_rewrite_the_same_member_either_conflict_or_build_on_each_other()
    {
        var library = TinyLmMoves.Library;
        var touched = TinyLmMoves.Definitions.ToDictionary(d => d.Id, d => MembersTouched(d.Patch));
        var problems = new List<string>();
        foreach (var a in library.All)
        {
            foreach (var b in library.All.Where(b => string.CompareOrdinal(a.Id, b.Id) < 0))
            {
                var shared = touched[a.Id].Intersect(touched[b.Id]).ToList();
                bool ordered = library.Closure(a.Id).Contains(b.Id) || library.Closure(b.Id).Contains(a.Id);
                if (shared.Count > 0 && !ordered && CanCoexist(library, a.Id, b.Id))
                {
                    problems.Add($"{a.Id} and {b.Id} both rewrite {string.Join(", ", shared)}");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    // Two moves can be applied together unless something in one's closure conflicts with something in the other's.
    private static bool CanCoexist(MoveLibrary library, string a, string b) =>
        !library.Closure(a).Any(x => library.Closure(b).Any(y => MoveLibrary.ConflictsWith(library[x], library[y])));

    [Theory]
    [MemberData(nameof(AllMoves))]
    public void Every_move_with_its_requirements_compiles(string move)
    {
        string source = TinyLmTask.Instance.Compose(TinyLmMoves.Library.Closure(move));

        using var compiled = new CompiledCandidate(TinyLmTask.Instance, source);

        Assert.Empty(compiled.Errors);
    }

    [Fact]
    public void Every_move_documents_why_and_wrong_moves_name_the_check_that_catches_them()
    {
        foreach (var move in TinyLmMoves.Library.All)
        {
            Assert.True(move.Rationale.Length > 60, $"{move.Id}: rationale too short");
            Assert.Equal(move.Kind == MoveKind.Wrong, move.FailsCheck is not null);
        }
    }

    private static HashSet<string> MembersTouched(string patch)
    {
        var root = CSharpSyntaxTree.ParseText(patch).GetCompilationUnitRoot();
        var members = root.Usings.Where(u => u.Alias is not null).Select(u => "using " + u.Alias!.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var type in root.DescendantNodes().OfType<TypeDeclarationSyntax>().Where(t => t.Parent is not TypeDeclarationSyntax))
        {
            foreach (var member in type.Members)
            {
                members.Add(type.Identifier.ValueText + "." + SourcePatch.KeyOf(member));
            }
        }
        return members;
    }
}
