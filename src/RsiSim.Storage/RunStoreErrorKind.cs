namespace RsiSim.Storage;

/// <summary>Why the run store refused or stopped.</summary>
public enum RunStoreErrorKind
{
    /// <summary>Another process holds the database or the run folder.</summary>
    Locked,

    /// <summary>The disk is full; completed attempts are safe and the run can be resumed.</summary>
    DiskFull,

    /// <summary>The database was written by a newer rsisim.</summary>
    NewerSchema,

    /// <summary>The folder is not a run folder, or the database is not a run store.</summary>
    InvalidFolder,
}
