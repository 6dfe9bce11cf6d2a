namespace RsiSim.Agents.Llm.Options;

/// <summary>Which kind of server an llm arm talks to.</summary>
internal enum LlmProvider
{
    /// <summary>Any server speaking OpenAI's chat-completions API at the arm's endpoint (Ollama, vLLM, llama.cpp, LM Studio).</summary>
    OpenAiCompatible,

    /// <summary>OpenAI itself; the endpoint defaults to https://api.openai.com/v1.</summary>
    OpenAi,

    /// <summary>An Azure OpenAI resource; the model option names the deployment.</summary>
    AzureOpenAi,
}
