using RsiSim.Core.Agents;
using RsiSim.Core.Budgets;
using RsiSim.Core.Runs;
using RsiSim.Scenarios.Tests.Fakes;

namespace RsiSim.Scenarios.Tests;

public sealed class ScenarioLoaderTests
{
    private const string Full = """
        name: full.example_1
        task: { id: tinylm, size: standard }
        seed: 18446744073709551615
        trials: 3
        parallel: 2
        measurement: cached
        loop: { compounding: 0.5, minimumGain: 0.05 }
        budget: { attempts: 40, wall: 1h30m, tokens: 200000, money: 12.50, hours: 8 }
        arms:
          - { name: greedy, agent: greedy }
          - name: mythos-like
            agent: persona
            profile: mythos-preview
            bugRate: 0.1
          - name: gpt
            agent: llm
            endpoint: http://127.0.0.1:11434/v1
            model: qwen2.5-coder
            apiKeyEnv: OPENAI_API_KEY   # the key itself never appears in a file
            timeout: 90s
          - name: evo
            agent: evolution
            population: 32
            elitism: true
            moves: [flat-arrays, float32]
            weights: { layout: 0.5, simd: 0.25 }
        """;

    [Fact]
    public void A_full_scenario_loads_with_every_field()
    {
        var result = TestCatalogs.Loader.Load(Full);

        Assert.True(result.Succeeded, string.Join("\n", result.FormatMessages()));
        Assert.Empty(result.Warnings);
        var s = result.Scenario;
        Assert.Equal(("full.example_1", "tinylm", "standard"), (s.Name, s.TaskId, s.Size));
        Assert.Equal(ulong.MaxValue, s.Seed);
        Assert.Equal((3, 2), (s.Trials, s.Parallel));
        Assert.Equal(MeasurementMode.Cached, s.Measurement);
        Assert.Equal(new LoopOptions(MinimumGain: 0.05, Compounding: 0.5), s.Loop);
        Assert.Equal(new Budget(40, TimeSpan.FromMinutes(90), 200_000, 12.50m, 8), s.Budget);
        Assert.Equal(["greedy", "mythos-like", "gpt", "evo"], s.Arms.Select(a => a.Name));
        Assert.Equal(["greedy", "persona", "llm", "evolution"], s.Arms.Select(a => a.Agent));
    }

    [Fact]
    public void Arm_options_come_back_typed_for_the_agents_getters()
    {
        var arms = TestCatalogs.Loader.Load(Full).Scenario!.Arms;

        var persona = arms[1].Options;
        Assert.Equal("mythos-preview", persona.Text("profile"));
        Assert.Equal(0.1, persona.Number("bugRate"));
        var llm = arms[2].Options;
        Assert.Equal("http://127.0.0.1:11434/v1", llm.Text("endpoint"));
        Assert.Equal("qwen2.5-coder", llm.Text("model"));
        Assert.Equal("OPENAI_API_KEY", llm.Text("apiKeyEnv"));
        Assert.Equal(TimeSpan.FromSeconds(90), llm.Duration("timeout"));
        var evolution = arms[3].Options;
        Assert.Equal(32, evolution.WholeNumber("population"));
        Assert.True(evolution.Boolean("elitism"));
        Assert.Equal(["flat-arrays", "float32"], evolution.TextList("moves"));
        Assert.Equal(0.25, evolution.NumberMap("weights")["simd"]);
        Assert.Empty(arms[0].Options.Names);
    }

    [Fact]
    public void Keys_left_out_take_their_defaults()
    {
        var result = TestCatalogs.Loader.Load("""
            name: minimal
            task: tinylm
            budget: { attempts: 5 }
            arms:
              - { name: p, agent: persona }
              - { name: l, agent: llm, endpoint: "https://api.openai.com/v1", model: gpt-4.1 }
            """);

        var s = result.Scenario!;
        Assert.Equal(("small", 42UL, 1, 1), (s.Size, s.Seed, s.Trials, s.Parallel));
        Assert.Equal(MeasurementMode.Live, s.Measurement);
        Assert.Equal(new LoopOptions(), s.Loop);
        Assert.Equal(new Budget(Attempts: 5), s.Budget);
        Assert.Equal("sonnet-4", s.Arms[0].Options.Text("profile"));
        Assert.False(s.Arms[0].Options.Has("bugRate"));
        Assert.Equal(TimeSpan.FromMinutes(2), s.Arms[1].Options.Duration("timeout"));
    }

    [Fact]
    public void The_quickstart_scenario_loads_with_two_plain_agents_and_tinylm()
    {
        string[] plain = ["greedy", "random"];
        var agents = new AgentCatalog(plain.Select(n => new FakeAgentFactory(new AgentDescriptor(n, n, []))));
        var loader = new ScenarioLoader(TestCatalogs.Tasks, agents);

        var result = loader.LoadFile(Path.Combine(AppContext.BaseDirectory, "scenarios", "quickstart.yaml"));

        Assert.True(result.Succeeded, string.Join("\n", result.FormatMessages()));
        Assert.Empty(result.Warnings);
        var s = result.Scenario;
        Assert.Equal(("quickstart", "tinylm", "small", 42UL, 2), (s.Name, s.TaskId, s.Size, s.Seed, s.Trials));
        Assert.Equal(new Budget(Attempts: 8, Wall: TimeSpan.FromSeconds(75)), s.Budget);
        Assert.Equal(["greedy", "random"], s.Arms.Select(a => a.Agent));
    }

    [Fact]
    public void Every_error_in_a_file_is_reported_at_once_with_its_path_and_position()
    {
        var result = TestCatalogs.Loader.Load("""
            name: bad name
            task: { id: tinylm, size: huge }
            trials: 0
            budget: { attempts: -1, wall: soon }
            arms:
              - { name: a, agent: greedy }
              - { agent: gredy, name: b }
              - { name: a, agent: random }
            """, "bad.yaml");

        Assert.Null(result.Scenario);
        Assert.Equal(
            [("name", 1, 7), ("task.size", 2, 27), ("trials", 3, 9), ("budget.attempts", 4, 21), ("budget.wall", 4, 31), ("arms[1].agent", 7, 14), ("arms[2].name", 8, 13)],
            result.Errors.Select(e => (e.Path, e.Line, e.Column)));
        Assert.Contains("bad.yaml:7:14: arms[1].agent: unknown agent 'gredy' (did you mean 'greedy'?)", result.FormatMessages());
    }

    [Fact]
    public void Warnings_do_not_stop_a_scenario_from_loading()
    {
        var result = TestCatalogs.Loader.Load("""
            name: w
            task: tinylm
            parallel: 4
            budget: { tokens: 100000 }
            arms: [{ name: g, agent: greedy }]
            """, "w.yaml");

        Assert.True(result.Succeeded);
        Assert.Equal(["budget", "parallel"], result.Warnings.Select(w => w.Path).Order());
        Assert.Contains(result.FormatMessages(), m => m.StartsWith("w.yaml:4:9: warning: budget: no attempts or wall limit", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_budget_limit_is_read_in_its_unit()
    {
        static Budget Read(string budget) =>
            TestCatalogs.Loader.Load($"name: b\ntask: tinylm\nbudget: {budget}\narms: [{{ name: g, agent: greedy }}]\n").Scenario!.Budget;

        Assert.Equal(1_000_000, Read("{ attempts: 1000000 }").Attempts);
        Assert.Equal(TimeSpan.FromSeconds(90), Read("{ wall: 90 }").Wall);
        Assert.Equal(TimeSpan.FromHours(2), Read("{ wall: 2h }").Wall);
        Assert.Equal(5_000_000, Read("{ attempts: 1, tokens: 5000000 }").Tokens);
        Assert.Equal(12.10m, Read("{ attempts: 1, money: 12.10 }").Money);
        Assert.Equal(0.5, Read("{ attempts: 1, hours: 0.5 }").SimulatedHours);
    }
}
