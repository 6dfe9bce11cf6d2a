using RsiSim.Agents.Llm.Tests.Support;
using RsiSim.Core.Agents;
using RsiSim.Scenarios;
using RsiSim.Tasks;

namespace RsiSim.Agents.Llm.Tests;

public sealed class LlmAgentFactoryTests
{
    private static readonly ScenarioLoader Loader = new(BuiltInTasks.Instance, new AgentCatalog([LlmArms.Factory()]));

    [Fact]
    public void The_scenario_loader_accepts_every_llm_option_and_fills_the_defaults()
    {
        var result = Loader.Load("""
            name: all-options
            task: tinylm
            budget: { attempts: 3 }
            arms:
              - name: gpt
                agent: llm
                provider: azure-openai
                endpoint: https://example.openai.azure.com/
                model: my-deployment
                apiKeyEnv: AZURE_OPENAI_API_KEY
                temperature: 0.7
                maxOutputTokens: 4000
                requestTimeout: 90s
                totalTimeout: 15m
                retries: 6
                retryDelay: 500ms
                breakDuration: 1m
                inputPricePerMillion: 2.5
                outputPricePerMillion: 10
                editFormat: search-replace
                history: 12
                systemPromptFile: prompts/system.md
                stream: true
              - { name: again, agent: llm, model: m, replay: runs/earlier }
            """, "all.yaml");

        Assert.True(result.Succeeded, string.Join("\n", result.FormatMessages()));
        var options = result.Scenario.Arms[0].Options;
        Assert.Equal(TimeSpan.FromSeconds(90), options.Duration("requestTimeout"));
        Assert.Equal("search-replace", options.Text("editFormat"));
        Assert.True(options.Boolean("stream"));
        var defaults = result.Scenario.Arms[1].Options;
        Assert.Equal("openai-compatible", defaults.Text("provider"));
        Assert.Equal(TimeSpan.FromMinutes(2), defaults.Duration("requestTimeout"));
        Assert.Equal(TimeSpan.FromMinutes(10), defaults.Duration("totalTimeout"));
        Assert.Equal("full", defaults.Text("editFormat"));
        Assert.Equal(8, defaults.WholeNumber("history"));
    }

    [Fact]
    public void Wrong_values_are_refused_with_their_paths_before_anything_runs()
    {
        var result = Loader.Load("""
            name: bad
            task: tinylm
            budget: { attempts: 3 }
            arms:
              - name: gpt
                agent: llm
                provider: anthropic
                model: m
                temperature: 3
                editFormat: diff
                requestTimeout: soon
                retries: -1
                apiKey: sk-do-not-put-keys-here
            """, "bad.yaml");

        Assert.False(result.Succeeded);
        var paths = result.Errors.Select(e => e.Path).ToHashSet();
        Assert.Superset(new HashSet<string> { "arms[0].provider", "arms[0].temperature", "arms[0].editFormat", "arms[0].requestTimeout", "arms[0].retries", "arms[0].apiKey" }, paths);
        Assert.Contains(result.Errors, e => e.Path == "arms[0].apiKey" && e.Message.Contains("apiKeyEnv", StringComparison.Ordinal));
    }
}
