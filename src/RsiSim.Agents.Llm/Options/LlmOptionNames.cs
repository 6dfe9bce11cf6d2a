namespace RsiSim.Agents.Llm.Options;

/// <summary>The arm option keys of the llm agent, as written in scenario files.</summary>
public static class LlmOptionNames
{
    public const string Provider = "provider";
    public const string Endpoint = "endpoint";
    public const string Model = "model";
    public const string ApiKeyEnv = "apiKeyEnv";
    public const string Temperature = "temperature";
    public const string MaxOutputTokens = "maxOutputTokens";
    public const string RequestTimeout = "requestTimeout";
    public const string TotalTimeout = "totalTimeout";
    public const string Retries = "retries";
    public const string RetryDelay = "retryDelay";
    public const string BreakDuration = "breakDuration";
    public const string InputPrice = "inputPricePerMillion";
    public const string OutputPrice = "outputPricePerMillion";
    public const string EditFormat = "editFormat";
    public const string History = "history";
    public const string SystemPromptFile = "systemPromptFile";
    public const string Stream = "stream";
    public const string Replay = "replay";
}
