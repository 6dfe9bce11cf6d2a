using RsiSim.Scenarios.Reading;

namespace RsiSim.Scenarios.Tests;

public sealed class YamlPreflightTests
{
    private static IReadOnlyList<ScenarioError> Check(string yaml)
    {
        var diagnostics = new ScenarioDiagnostics();
        YamlPreflight.Check(yaml, diagnostics);
        return diagnostics.Errors;
    }

    [Fact]
    public void Every_duplicate_key_is_reported_with_its_path_inside_lists_and_flow_mappings()
    {
        var errors = Check("""
            name: a
            arms:
              - { name: x, agent: greedy, agent: random }
              - name: y
                agent: persona
                name: z
            name: b
            """);

        Assert.Equal(
            [("arms[0].agent", 3, 31), ("arms[1].name", 6, 5), ("name", 7, 1)],
            errors.Select(e => (e.Path, e.Line, e.Column)));
        Assert.Equal("duplicate key 'name' (first set on line 4)", errors[1].Message);
    }

    [Fact]
    public void The_same_key_in_two_different_mappings_is_not_a_duplicate()
    {
        Assert.Empty(Check("arms:\n  - { name: a }\n  - { name: b }\nbudget: { name: c }\n"));
    }

    [Fact]
    public void An_unclosed_bracket_is_reported_where_it_opens()
    {
        var error = Assert.Single(Check("name: a\narms:\n  - [greedy, random\n  - b\n"));

        Assert.Equal((3, 5, "YAML syntax error: this '[' is never closed"), (error.Line, error.Column, error.Message));
    }

    [Fact]
    public void An_alias_with_no_anchor_is_reported_at_its_path()
    {
        var error = Assert.Single(Check("budget: &b { attempts: 3 }\nloop: *b\nseed: *s\n"));

        Assert.Equal(("seed", 3, 7), (error.Path, error.Line, error.Column));
    }
}
