using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.Tests.Moves;

public sealed class SourcePatchTests
{
    private const string Source = """
        using Real = double;

        namespace N;

        public sealed class Model
        {
            private int _a;

            public int First() => 1;

            public int Second() => 2;

            public int Second(int x) => x;
        }
        """;

    [Fact]
    public void A_patch_member_replaces_every_overload_of_its_name_in_place()
    {
        string patched = SourcePatch.Apply(Source, "class Model { public int Second() => 20; }");

        Assert.Contains("public int Second() => 20;", patched, StringComparison.Ordinal);
        Assert.DoesNotContain("Second(int x)", patched, StringComparison.Ordinal);
        Assert.True(patched.IndexOf("First()", StringComparison.Ordinal) < patched.IndexOf("Second()", StringComparison.Ordinal));
    }

    [Fact]
    public void Members_and_types_the_source_lacks_are_added()
    {
        string patched = SourcePatch.Apply(Source, "class Model { private int _b; } static class Helper { }");

        Assert.Contains("private int _b;", patched, StringComparison.Ordinal);
        Assert.Contains("static class Helper", patched, StringComparison.Ordinal);
        Assert.Contains("private int _a;", patched, StringComparison.Ordinal);
    }

    [Fact]
    public void A_member_marked_RemoveMember_is_deleted()
    {
        string patched = SourcePatch.Apply(Source, "class Model { [RemoveMember] private int _a; }");

        Assert.DoesNotContain("_a", patched, StringComparison.Ordinal);
    }

    [Fact]
    public void A_using_alias_in_the_patch_replaces_the_alias_of_that_name()
    {
        string patched = SourcePatch.Apply(Source, "using Real = float;");

        Assert.Contains("using Real = float;", patched, StringComparison.Ordinal);
        Assert.DoesNotContain("using Real = double;", patched, StringComparison.Ordinal);
    }

    [Fact]
    public void A_patch_that_does_not_parse_is_refused()
    {
        Assert.Throws<ArgumentException>(() => SourcePatch.Apply(Source, "class Model { public int Broken( }"));
    }
}
