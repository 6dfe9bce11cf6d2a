namespace RsiSim.Core.Moves;

/// <summary>A set of moves that cannot be composed: an unknown move, a missing requirement or a conflict.</summary>
public sealed class MoveException : Exception
{
    public MoveException()
    {
    }

    public MoveException(string message)
        : base(message)
    {
    }

    public MoveException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
