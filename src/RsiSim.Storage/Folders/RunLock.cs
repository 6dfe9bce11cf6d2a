namespace RsiSim.Storage.Folders;

/// <summary>Holds run.lock exclusively while a process writes the run, so a second rsisim cannot resume a live run.</summary>
/// <remarks>On Unix .NET takes an advisory flock for <see cref="FileShare.None"/>; the OS drops it when the process dies, even by kill -9.</remarks>
internal sealed class RunLock : IDisposable
{
    private readonly FileStream _file;

    private RunLock(FileStream file) => _file = file;

    public static RunLock Acquire(RunFolder folder)
    {
        try
        {
            return new RunLock(new FileStream(folder.Lock, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException ex)
        {
            throw new RunStoreException(
                RunStoreErrorKind.Locked,
                $"{folder.Directory} is in use: another process holds {folder.Lock} (a running rsisim on this run?). Stop it, then resume the run.",
                ex);
        }
    }

    public void Dispose() => _file.Dispose();
}
