using RsiSim.Core.Options;
using N = RsiSim.Agents.Llm.Options.LlmOptionNames;

namespace RsiSim.Agents.Llm.Options;

/// <summary>An llm arm's options, typed; made once per agent from the arm's validated values.</summary>
internal sealed record LlmAgentOptions
{
    public static readonly Uri OpenAiEndpoint = new("https://api.openai.com/v1");

    public LlmProvider Provider { get; init; } = LlmProvider.OpenAiCompatible;

    public Uri? Endpoint { get; init; }

    public string Model { get; init; } = "";

    public string? ApiKeyEnv { get; init; }

    public double Temperature { get; init; } = 0.2;

    public int MaxOutputTokens { get; init; } = 8192;

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(120);

    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(10);

    public int Retries { get; init; } = 4;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(30);

    public decimal InputPricePerMillion { get; init; }

    public decimal OutputPricePerMillion { get; init; }

    public EditFormat EditFormat { get; init; } = EditFormat.Full;

    public int History { get; init; } = 8;

    public string? SystemPromptFile { get; init; }

    public bool Stream { get; init; }

    public string? Replay { get; init; }

    /// <summary>The endpoint calls go to: the arm's, or OpenAI's for provider openai.</summary>
    public Uri? EffectiveEndpoint => Endpoint ?? (Provider == LlmProvider.OpenAi ? OpenAiEndpoint : null);

    public static LlmAgentOptions From(OptionValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var defaults = new LlmAgentOptions();
        return new LlmAgentOptions
        {
            Provider = ParseProvider(values.Text(N.Provider)),
            Endpoint = values.Text(N.Endpoint) is { } url ? new Uri(url, UriKind.Absolute) : null,
            Model = values.Text(N.Model) ?? "",
            ApiKeyEnv = values.Text(N.ApiKeyEnv),
            Temperature = values.Number(N.Temperature, defaults.Temperature),
            MaxOutputTokens = values.WholeNumber(N.MaxOutputTokens, defaults.MaxOutputTokens),
            RequestTimeout = values.Duration(N.RequestTimeout) ?? defaults.RequestTimeout,
            TotalTimeout = values.Duration(N.TotalTimeout) ?? defaults.TotalTimeout,
            Retries = values.WholeNumber(N.Retries, defaults.Retries),
            RetryDelay = values.Duration(N.RetryDelay) ?? defaults.RetryDelay,
            BreakDuration = values.Duration(N.BreakDuration) ?? defaults.BreakDuration,
            InputPricePerMillion = (decimal)values.Number(N.InputPrice),
            OutputPricePerMillion = (decimal)values.Number(N.OutputPrice),
            EditFormat = values.Text(N.EditFormat) == "search-replace" ? EditFormat.SearchReplace : EditFormat.Full,
            History = values.WholeNumber(N.History, defaults.History),
            SystemPromptFile = values.Text(N.SystemPromptFile),
            Stream = values.Boolean(N.Stream),
            Replay = values.Text(N.Replay),
        };
    }

    private static LlmProvider ParseProvider(string? name) => name switch
    {
        null or "openai-compatible" => LlmProvider.OpenAiCompatible,
        "openai" => LlmProvider.OpenAi,
        "azure-openai" => LlmProvider.AzureOpenAi,
        _ => throw new ArgumentException($"unknown provider '{name}'", nameof(name)),
    };
}
