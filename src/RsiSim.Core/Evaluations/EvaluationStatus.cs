namespace RsiSim.Core.Evaluations;

/// <summary>How an evaluation ended. Expected failures are values, not exceptions.</summary>
public enum EvaluationStatus
{
    /// <summary>Compiled, ran and passed every check; the timing is valid.</summary>
    Passed,

    /// <summary>Ran, but a correctness check failed.</summary>
    WrongResult,

    /// <summary>Did not compile.</summary>
    CompileError,

    /// <summary>The policy rejected it: statically before anything ran, or at run time for work left running after a call returned.</summary>
    PolicyViolation,

    /// <summary>Killed for running past its time limit.</summary>
    Timeout,

    /// <summary>Threw, or its process died.</summary>
    Crash,

    /// <summary>Went past its memory cap.</summary>
    OutOfMemory,
}
