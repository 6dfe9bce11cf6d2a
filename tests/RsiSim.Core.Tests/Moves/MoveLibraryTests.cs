using RsiSim.Core.Moves;

namespace RsiSim.Core.Tests.Moves;

public sealed class MoveLibraryTests
{
    private static Move M(string id, string[]? requires = null, string[]? conflicts = null) =>
        new(id, id, "why", MoveKind.Correct, 1, "layout", [.. requires ?? []], [.. conflicts ?? []]);

    private static readonly MoveLibrary Library = new([M("a"), M("b", ["a"]), M("c", conflicts: ["a"]), M("d", ["b"])]);

    [Fact]
    public void A_move_is_applicable_only_once_its_requirements_are_applied()
    {
        Assert.Equal(["a", "c"], Library.Applicable(new HashSet<string>()).Select(m => m.Id));
        Assert.Equal(["b"], Library.Applicable(new HashSet<string> { "a" }).Select(m => m.Id));
    }

    [Fact]
    public void Ordering_a_set_with_a_missing_requirement_names_it()
    {
        var error = Assert.Throws<MoveException>(() => Library.Order(["d"]));
        Assert.Contains("'b'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ordering_conflicting_moves_is_refused_in_either_direction()
    {
        Assert.Throws<MoveException>(() => Library.Order(["c", "a"]));
        Assert.DoesNotContain(Library.Applicable(new HashSet<string> { "c" }), m => m.Id == "a");
    }

    [Fact]
    public void Closure_includes_requirements_transitively()
    {
        Assert.Equal(["a", "b", "d"], Library.Closure("d"));
    }

    [Fact]
    public void A_library_whose_move_comes_before_its_requirement_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new MoveLibrary([M("b", ["a"]), M("a")]));
    }
}
