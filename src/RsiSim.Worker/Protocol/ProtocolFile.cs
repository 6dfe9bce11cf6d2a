namespace RsiSim.Worker.Protocol;

/// <summary>What the files the protocol passes through a worker's folder (<see cref="ResultFile"/>, <see cref="InputFile"/>)
/// share: numbers kept little-endian, and a file read only when it is a plain file, not a link to something else.</summary>
internal static class ProtocolFile
{
    public static void EnsureLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("the worker protocol keeps numbers little-endian");
        }
    }

    /// <summary>Opens <paramref name="path"/> for reading, unbuffered.</summary>
    /// <exception cref="FormatException">It is missing or a link (named as <paramref name="what"/>), or cannot be opened.</exception>
    public static FileStream OpenPlain(string path, string what)
    {
        try
        {
            if (new FileInfo(path) is not { Exists: true, LinkTarget: null })
            {
                throw new FormatException($"the {what} is missing or is a link");
            }
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            throw Unreadable(what, ex);
        }
    }

    /// <summary>Whether <paramref name="ex"/> is the file system refusing a read, which the protocol reports as a malformed file.</summary>
    public static bool IsUnreadable(Exception ex) => ex is IOException or UnauthorizedAccessException or NotSupportedException;

    public static FormatException Unreadable(string what, Exception ex) => new($"the {what} cannot be read: {ex.Message}", ex);
}
