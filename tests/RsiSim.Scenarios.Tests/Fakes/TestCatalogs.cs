using RsiSim.Core.Agents;
using RsiSim.Core.Options;
using RsiSim.Core.Tasks;

namespace RsiSim.Scenarios.Tests.Fakes;

/// <summary>Catalogs shaped like the real ones, owned by the tests so that no other project's agents change them.</summary>
public static class TestCatalogs
{
    public static ITaskCatalog Tasks { get; } = new TaskCatalog(new FakeTask("tinylm", ["tiny", "small", "standard"], "small"));

    public static IAgentCatalog Agents { get; } = new AgentCatalog(new[]
    {
        Agent("greedy"),
        Agent("random"),
        Agent("persona",
            new OptionSpec("profile", OptionType.Choice, "which published model the persona imitates") { Choices = ["sonnet-4", "opus-4", "mythos-preview"], Default = "sonnet-4" },
            new OptionSpec("bugRate", OptionType.Number, "chance of proposing a wrong move") { Minimum = 0, Maximum = 1 },
            new OptionSpec("skill", OptionType.NumberMap, "override insight per tier") { Minimum = 0, Maximum = 1, Choices = ["1", "2", "3", "4"] }),
        Agent("llm",
            new OptionSpec("endpoint", OptionType.Url, "the base URL of an OpenAI-compatible server") { Required = true },
            new OptionSpec("model", OptionType.Text, "the model name the server knows") { Required = true },
            new OptionSpec("apiKeyEnv", OptionType.Text, "the environment variable holding the key"),
            new OptionSpec("timeout", OptionType.Duration, "request timeout") { Default = TimeSpan.FromMinutes(2), Maximum = 3600 },
            new OptionSpec("requestTimeout", OptionType.Duration, "how long one HTTP attempt may take") { Default = TimeSpan.FromMinutes(2), Maximum = 3600 },
            new OptionSpec("stream", OptionType.Boolean, "ask for a streamed reply") { Default = false }),
        Agent("evolution",
            new OptionSpec("population", OptionType.WholeNumber, "individuals per generation") { Minimum = 2, Maximum = 1000, Default = 16 },
            new OptionSpec("elitism", OptionType.Boolean, "keep the best individual unchanged"),
            new OptionSpec("moves", OptionType.TextList, "the moves it may use"),
            new OptionSpec("weights", OptionType.NumberMap, "how often each move kind is picked") { Minimum = 0, Maximum = 1 }),
    }.Select(d => new FakeAgentFactory(d)));

    public static ScenarioLoader Loader { get; } = new(Tasks, Agents);

    private static AgentDescriptor Agent(string name, params OptionSpec[] options) => new(name, $"the {name} agent", [.. options]);

    private sealed class TaskCatalog(params ITask[] tasks) : ITaskCatalog
    {
        public IReadOnlyList<ITask> All { get; } = tasks;

        public ITask? Find(string id) => All.FirstOrDefault(t => t.Id == id);
    }
}
