namespace RsiSim.Agents.Llm.Replay;

/// <summary>A replay folder that cannot be read: missing, not a run, or from an incompatible version.</summary>
public sealed class LlmReplayException : Exception
{
    public LlmReplayException()
    {
    }

    public LlmReplayException(string message)
        : base(message)
    {
    }

    public LlmReplayException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
