namespace RsiSim.Core.Attempts;

/// <summary>How an attempt ended; every attempt ends in exactly one of these.</summary>
public enum AttemptStatus
{
    /// <summary>Passed the checks and beat the trial's best, confirmed by a fresh measurement.</summary>
    Improved,

    /// <summary>Passed the checks but did not beat the best.</summary>
    NotFaster,

    WrongResult,
    CompileError,
    PolicyViolation,
    Timeout,
    Crash,
    OutOfMemory,

    /// <summary>The agent's reply could not be turned into a candidate.</summary>
    EditFailed,

    /// <summary>The agent threw, or its endpoint failed after retries.</summary>
    AgentError,
}
