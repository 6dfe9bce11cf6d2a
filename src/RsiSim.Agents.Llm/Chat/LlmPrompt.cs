namespace RsiSim.Agents.Llm.Chat;

/// <summary>The two messages of one call: the system prompt and the user prompt.</summary>
internal sealed record LlmPrompt(string System, string User)
{
    public int Length => System.Length + User.Length;
}
