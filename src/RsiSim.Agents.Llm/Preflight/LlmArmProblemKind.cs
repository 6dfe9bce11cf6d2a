namespace RsiSim.Agents.Llm.Preflight;

/// <summary>How bad a problem of an llm arm is.</summary>
public enum LlmArmProblemKind
{
    /// <summary>The arm cannot run as written: an error for validate and run alike.</summary>
    Invalid,

    /// <summary>The key's variable is not set: validate warns, run refuses to start.</summary>
    KeyNotSet,
}
