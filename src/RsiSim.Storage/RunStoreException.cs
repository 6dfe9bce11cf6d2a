namespace RsiSim.Storage;

/// <summary>The run store cannot go on: the database is locked, the disk is full, or the folder is not a usable run.</summary>
public sealed class RunStoreException : Exception
{
    public RunStoreException()
    {
    }

    public RunStoreException(string message)
        : base(message)
    {
    }

    public RunStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RunStoreException(RunStoreErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException) => Kind = kind;

    public RunStoreErrorKind Kind { get; } = RunStoreErrorKind.InvalidFolder;
}
