using RsiSim.Scenarios.Tests.Fakes;

namespace RsiSim.Scenarios.Tests;

public sealed class ScenarioLoaderArmTests
{
    private const string Head = "name: arms\ntask: tinylm\nbudget: { attempts: 3 }\narms:\n";

    private static ScenarioLoadResult LoadArms(string arms) => TestCatalogs.Loader.Load(Head + arms);

    [Theory]
    [InlineData("  - { name: e, agent: evolution, moves: [a, { b: 1 }] }", "arms[0].moves[1]", "expected a text, found a mapping")]
    [InlineData("  - { name: e, agent: evolution, weights: { x: 0.5, y: 2 } }", "arms[0].weights.y", "must be at most 1, found 2")]
    [InlineData("  - { name: e, agent: evolution, weights: [0.5] }", "arms[0].weights", "expected a mapping of names to numbers, found a list")]
    [InlineData("  - { name: e, agent: evolution, population: 1001 }", "arms[0].population", "must be at most 1000, found 1001")]
    [InlineData("  - { name: e, agent: evolution, population: 1 }", "arms[0].population", "must be at least 2, found 1")]
    [InlineData("  - { name: l, agent: llm, endpoint: 'http://x/v1', model: m, timeout: 2h }", "arms[0].timeout", "must be at most 1h, found 2h")]
    [InlineData("  - { name: l, agent: llm, endpoint: 'http://x/v1', model: m, timeout: 0s }", "arms[0].timeout", "must be greater than 0s, found 0s")]
    [InlineData("  - { name: l, agent: llm, endpoint: 'http://', model: m }", "arms[0].endpoint", "is not an absolute http or https URL")]
    [InlineData("  - { name: l, agent: llm, endpoint: 'http://x/v1', model: '' }", "arms[0].model", "must not be empty")]
    [InlineData("  - { name: l, agent: llm, endpoint: 'http://x/v1', model: [a] }", "arms[0].model", "expected a text, found a list")]
    [InlineData("  - { name: p, agent: persona, profile: Opus-4 }", "arms[0].profile", "unknown profile 'Opus-4' (did you mean 'opus-4'?)")]
    [InlineData("  - { name: p, agent: persona, profile: gpt-5 }", "arms[0].profile", "expected one of: sonnet-4, opus-4, mythos-preview")]
    [InlineData("  - { name: p, agent: persona, apiKeyEnv: KEY }", "arms[0].apiKeyEnv", "unknown option 'apiKeyEnv' of agent 'persona'; expected one of: name, agent, loop, profile, bugRate")]
    [InlineData("  - { name: g, agent: greedy, nmae: x }", "arms[0].nmae", "(did you mean 'name'?)")]
    [InlineData("  - { name: [g], agent: greedy }", "arms[0].name", "expected a name, found a list")]
    [InlineData("  - { name: g, agent: 42 }", "arms[0].agent", "unknown agent '42'; expected one of: greedy, random, persona, llm, evolution")]
    public void A_bad_arm_is_refused_at_the_path_of_its_bad_value(string arm, string path, string message)
    {
        var result = LoadArms(arm + "\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_arm_may_set_its_own_loop_options_over_the_scenarios()
    {
        var result = LoadArms("  - { name: a, agent: greedy, loop: { compounding: 0.5 } }\n  - { name: b, agent: greedy }\n");

        Assert.True(result.Succeeded, string.Join("; ", result.FormatMessages()));
        Assert.Equal(0.5, result.Scenario.Arms[0].Loop!.Compounding);
        Assert.Null(result.Scenario.Arms[1].Loop);
    }

    [Fact]
    public void A_bad_arm_loop_value_is_reported_at_its_path()
    {
        var result = LoadArms("  - { name: a, agent: greedy, loop: { compounding: 9 } }\n");

        Assert.Equal("arms[0].loop.compounding", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void A_missing_required_option_is_reported_at_its_arm_with_what_it_is_for()
    {
        var result = LoadArms("  - name: local\n    agent: llm\n");

        Assert.Equal(
            [("arms[0].endpoint", 5, "option 'endpoint' of agent 'llm' is required: the base URL of an OpenAI-compatible server"),
             ("arms[0].model", 5, "option 'model' of agent 'llm' is required: the model name the server knows")],
            result.Errors.Select(e => (e.Path, e.Line, e.Message)));
    }

    [Fact]
    public void Options_of_an_unknown_agent_are_not_reported_as_noise()
    {
        var result = LoadArms("  - { name: x, agent: personna, profile: opus-4, bugRate: 9 }\n");

        Assert.Equal("unknown agent 'personna' (did you mean 'persona'?)", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Errors_in_several_arms_are_all_reported_in_file_order()
    {
        var result = LoadArms("""
              - { name: a, agent: persona, profile: opus }
              - { name: b, agent: llm, endpoint: nowhere, model: m }
              - { name: c, agent: evolution, elitism: maybe }
            """);

        Assert.Equal(["arms[0].profile", "arms[1].endpoint", "arms[2].elitism"], result.Errors.Select(e => e.Path));
        Assert.Equal([5, 6, 7], result.Errors.Select(e => e.Line));
    }

    [Fact]
    public void An_https_endpoint_and_an_empty_list_of_moves_are_accepted()
    {
        var result = LoadArms("""
              - { name: l, agent: llm, endpoint: "https://example.openai.azure.com/openai/v1", model: gpt-4.1 }
              - { name: e, agent: evolution, moves: [] }
            """);

        Assert.True(result.Succeeded, string.Join("\n", result.FormatMessages()));
        Assert.Empty(result.Scenario.Arms[1].Options.TextList("moves"));
    }
}
