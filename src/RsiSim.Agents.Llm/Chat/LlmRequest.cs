namespace RsiSim.Agents.Llm.Chat;

/// <summary>One call to make: for which attempt, with which prompt, to edit which candidate.</summary>
internal sealed record LlmRequest(int Attempt, LlmPrompt Prompt, string BaseHash);
