using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RsiSim.Core.Moves;
using RsiSim.Core.Tasks;
using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.Tests.Moves;

public sealed class MoveLibraryTests
{
    public static TheoryData<string> Tasks() => TaskCases.TaskIds();

    public static TheoryData<string, string> AllMoves() => TaskCases.Moves();

    [Theory]
    [MemberData(nameof(Tasks))]
    public void Moves_that_rewrite_the_same_member_either_conflict_or_build_on_each_other(string taskId)
    {
        var task = TaskCases.Task(taskId);
        var library = task.Moves;
        var touched = task.MoveDefinitions.ToDictionary(d => d.Id, d => MembersTouched(d.Patch));
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
    public void Every_move_with_its_requirements_compiles(string taskId, string move)
    {
        var task = TaskCases.Task(taskId);
        string source = task.Compose(task.Moves.Closure(move));

        using var compiled = new CompiledCandidate(task, source);

        Assert.Empty(compiled.Errors);
    }

    [Theory]
    [MemberData(nameof(Tasks))]
    public void Every_landmark_composes_and_compiles(string taskId)
    {
        var task = TaskCases.Task(taskId);

        foreach (var landmark in task.Landmarks)
        {
            using var compiled = new CompiledCandidate(task, task.Compose(landmark.Moves));
            Assert.True(compiled.Errors.Count == 0, $"{landmark.Name}: {string.Join("; ", compiled.Errors)}");
        }
        Assert.All(task.Landmark(Landmark.Expert).Moves, m => Assert.Equal(MoveKind.Correct, task.Moves[m].Kind));
    }

    [Theory]
    [MemberData(nameof(Tasks))]
    public void Every_move_documents_why_and_wrong_moves_name_the_check_that_catches_them(string taskId)
    {
        foreach (var move in TaskCases.Task(taskId).Moves.All)
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
