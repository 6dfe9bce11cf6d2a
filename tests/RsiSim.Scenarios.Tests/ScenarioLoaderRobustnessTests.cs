using RsiSim.Scenarios.Tests.Fakes;

namespace RsiSim.Scenarios.Tests;

public sealed class ScenarioLoaderRobustnessTests
{
    private const string Scenario = """
        name: cut
        task: { id: tinylm, size: small }
        seed: 7
        budget: { attempts: 40, wall: 5m, hours: 8 }
        loop: { compounding: 1 }
        arms:
          - { name: greedy, agent: greedy }
          - name: mythos-like
            agent: persona
            profile: mythos-preview
          - name: gpt
            agent: llm
            endpoint: "http://127.0.0.1:11434/v1"
            model: 'qwen2.5-coder'
          - { name: evo, agent: evolution, moves: [a, b], weights: { x: 0.5 } }
        """;

    [Fact]
    public void Every_prefix_of_a_scenario_loads_without_throwing()
    {
        for (var length = 0; length <= Scenario.Length; length++)
        {
            var result = TestCatalogs.Loader.Load(Scenario[..length]);

            Assert.True(result.Succeeded != (result.Errors.Count > 0), $"prefix of {length} characters");
        }
        Assert.True(TestCatalogs.Loader.Load(Scenario).Succeeded);
    }

    [Fact]
    public void Nesting_far_deeper_than_any_scenario_is_refused_without_exhausting_the_stack()
    {
        var result = TestCatalogs.Loader.Load("name: deep\nextra: " + new string('[', 200_000) + new string(']', 200_000) + "\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal((ScenarioError.YamlPath, 2), (error.Path, error.Line));
    }

    [Fact]
    public void A_list_that_contains_itself_is_refused_at_the_item_that_is_not_a_text()
    {
        var result = TestCatalogs.Loader.Load("""
            name: cycle
            task: tinylm
            budget: { attempts: 3 }
            arms:
              - { name: evo, agent: evolution, moves: &m [a, *m] }
            """);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("arms[0].moves[1]", "expected a text, found a list"), (error.Path, error.Message));
    }

    [Fact]
    public void Too_many_errors_are_cut_short_with_a_count_of_the_rest()
    {
        var keys = string.Concat(Enumerable.Range(0, 150).Select(i => $"unknown{i}: 1\n"));

        var result = TestCatalogs.Loader.Load(keys);

        Assert.Equal(ScenarioDiagnostics.MaxErrors + 1, result.Errors.Count);
        Assert.Contains("more errors not shown", result.Errors[^1].Message, StringComparison.Ordinal);
    }
}
