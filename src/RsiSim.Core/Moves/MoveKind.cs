namespace RsiSim.Core.Moves;

/// <summary>Whether a move keeps the program correct.</summary>
public enum MoveKind
{
    /// <summary>A real optimisation that passes every check.</summary>
    Correct,

    /// <summary>A rewrite that looks like an optimisation but is wrong the way agents are wrong; a check must catch it.</summary>
    Wrong,
}
