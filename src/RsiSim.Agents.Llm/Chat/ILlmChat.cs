namespace RsiSim.Agents.Llm.Chat;

/// <summary>Sends a prompt and brings back the reply: a live endpoint through Semantic Kernel, or a recorded run.</summary>
internal interface ILlmChat
{
    ValueTask<LlmExchange> ExchangeAsync(LlmRequest request, CancellationToken cancellationToken);
}
