namespace RsiSim.Agents.Llm.Recording;

/// <summary>One call to a language model, as recorded and as replayed; secrets are already redacted.</summary>
/// <param name="Arm">The arm that made the call.</param>
/// <param name="Trial">The 0-based trial.</param>
/// <param name="Attempt">The 1-based attempt the call was made for.</param>
/// <param name="RequestJson">What was sent: endpoint, redacted headers, the body (see docs/llm-agent.md).</param>
/// <param name="ReplyJson">The reply: content, finish reason, usage; null when no reply came.</param>
/// <param name="InputTokens">Prompt tokens billed.</param>
/// <param name="OutputTokens">Completion tokens billed.</param>
/// <param name="Cost">Money, from the tokens and the arm's prices.</param>
/// <param name="LatencyMs">From sending to the whole reply, retries and waits included.</param>
/// <param name="Retries">HTTP attempts after the first.</param>
/// <param name="Error">Why the call failed, or null.</param>
public sealed record LlmCall(
    string Arm,
    int Trial,
    int Attempt,
    string RequestJson,
    string? ReplyJson,
    long InputTokens,
    long OutputTokens,
    decimal Cost,
    long LatencyMs,
    int Retries,
    string? Error);
