using RsiSim.Core.Trials;

namespace RsiSim.Storage;

/// <summary>One call to a language model endpoint, as the LLM agent reports it.</summary>
/// <param name="Trial">The trial that made the call.</param>
/// <param name="Attempt">The 1-based attempt the call belongs to.</param>
/// <param name="RequestJson">The request body sent (the API key is never part of it).</param>
/// <param name="ReplyJson">The reply body, or null when no reply came.</param>
/// <param name="InputTokens">Prompt tokens billed.</param>
/// <param name="OutputTokens">Completion tokens billed.</param>
/// <param name="Cost">Money charged for the call.</param>
/// <param name="LatencyMs">Time from sending to the whole reply, retries included.</param>
/// <param name="Retries">How many times it was retried.</param>
/// <param name="Error">Why it failed, or null.</param>
public sealed record LlmCallRecord(
    TrialKey Trial,
    int Attempt,
    string RequestJson,
    string? ReplyJson,
    long InputTokens,
    long OutputTokens,
    decimal Cost,
    long LatencyMs,
    int Retries,
    string? Error);
