using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.AzureOpenAI;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;
using RsiSim.Agents.Llm.Options;

namespace RsiSim.Agents.Llm.Chat;

/// <summary>Makes the Semantic Kernel chat service of a provider, over our HttpClient and with the SDK's own retries off.</summary>
internal static class ChatServices
{
    // Local servers need no key, but the OpenAI client insists on one; it never leaves this process except to that server.
    private const string NoKey = "no-key";

    public static IChatCompletionService Create(LlmAgentOptions options, string? apiKey, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = options.EffectiveEndpoint ?? throw new InvalidOperationException("an llm arm needs an endpoint");
        var credential = new ApiKeyCredential(string.IsNullOrEmpty(apiKey) ? NoKey : apiKey);
        // Retries, backoff and timeouts belong to our resilience pipeline; the SDK's would multiply them.
        var transport = new HttpClientPipelineTransport(http);
        if (options.Provider == LlmProvider.AzureOpenAi)
        {
            var azure = new AzureOpenAIClient(endpoint, credential, new AzureOpenAIClientOptions
            {
                Transport = transport,
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                NetworkTimeout = Timeout.InfiniteTimeSpan,
            });
            return new AzureOpenAIChatCompletionService(options.Model, azure);
        }
        var client = new OpenAIClient(credential, new OpenAIClientOptions
        {
            Endpoint = endpoint,
            Transport = transport,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        });
        return new OpenAIChatCompletionService(options.Model, client);
    }
}
