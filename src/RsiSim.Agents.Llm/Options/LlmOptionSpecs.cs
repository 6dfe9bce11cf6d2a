using System.Collections.Immutable;
using RsiSim.Core.Options;
using N = RsiSim.Agents.Llm.Options.LlmOptionNames;

namespace RsiSim.Agents.Llm.Options;

/// <summary>The options an llm arm accepts, with types, defaults and limits; the scenario loader checks arms against them.</summary>
internal static class LlmOptionSpecs
{
    public static ImmutableArray<OptionSpec> All { get; } =
    [
        new(N.Provider, OptionType.Choice, "the kind of server: openai-compatible (Ollama, vLLM, llama.cpp, LM Studio), openai or azure-openai")
        {
            Choices = ["openai-compatible", "openai", "azure-openai"],
            Default = "openai-compatible",
        },
        new(N.Endpoint, OptionType.Url, "the server's base URL, e.g. http://127.0.0.1:11434/v1; required except for provider openai and for replay"),
        new(N.Model, OptionType.Text, "the model name the server knows (for azure-openai: the deployment name)") { Required = true },
        new(N.ApiKeyEnv, OptionType.Text, "the name of the environment variable holding the API key; the key itself never appears in a file"),
        new(N.Temperature, OptionType.Number, "sampling temperature") { Minimum = 0, Maximum = 2, Default = 0.2 },
        new(N.MaxOutputTokens, OptionType.WholeNumber, "the most tokens one reply may have") { Minimum = 16, Maximum = 1_000_000, Default = 8192 },
        new(N.RequestTimeout, OptionType.Duration, "how long one HTTP attempt may take (for streaming: the longest silence between chunks)")
        {
            Minimum = 0.05, Maximum = 3600, Default = TimeSpan.FromSeconds(120),
        },
        new(N.TotalTimeout, OptionType.Duration, "how long one call may take, retries and waits included")
        {
            Minimum = 0.1, Maximum = 6 * 3600, Default = TimeSpan.FromMinutes(10),
        },
        new(N.Retries, OptionType.WholeNumber, "retries of a call after a 408, 429, 5xx, dropped connection or timeout") { Minimum = 0, Maximum = 20, Default = 4 },
        new(N.RetryDelay, OptionType.Duration, "the first retry's delay; it doubles each time, with jitter, unless the server sends Retry-After")
        {
            Minimum = 0.001, Maximum = 600, Default = TimeSpan.FromSeconds(2),
        },
        new(N.BreakDuration, OptionType.Duration, "how long calls pause once the circuit breaker opens (every call of a window failed)")
        {
            Minimum = 0.5, Maximum = 3600, Default = TimeSpan.FromSeconds(30),
        },
        new(N.InputPrice, OptionType.Number, "price of a million input (prompt) tokens, in the budget's currency") { Minimum = 0, Maximum = 100_000, Default = 0.0 },
        new(N.OutputPrice, OptionType.Number, "price of a million output (completion) tokens, in the budget's currency") { Minimum = 0, Maximum = 100_000, Default = 0.0 },
        new(N.EditFormat, OptionType.Choice, "how the model writes its change: full (the whole file in a fenced block) or search-replace (SEARCH/REPLACE blocks)")
        {
            Choices = ["full", "search-replace"],
            Default = "full",
        },
        new(N.History, OptionType.WholeNumber, "how many past attempts the prompt shows, newest last") { Minimum = 0, Maximum = 1000, Default = 8 },
        new(N.SystemPromptFile, OptionType.Text, "a file whose text replaces the built-in system prompt (relative to the current folder)"),
        new(N.Stream, OptionType.Boolean, "ask for a streamed (server-sent events) reply") { Default = false },
        new(N.Replay, OptionType.Text, "a run folder whose recorded replies of the same arm and trial are served in order, with no network"),
    ];
}
