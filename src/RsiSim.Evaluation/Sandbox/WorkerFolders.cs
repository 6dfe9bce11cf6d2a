using System.Globalization;

namespace RsiSim.Evaluation.Sandbox;

/// <summary>The workers' own folders under the system's temporary folder: each named after the host process that made it,
/// so that the folders of a host that was killed (and could not remove them) are found and removed by the next one.</summary>
internal static class WorkerFolders
{
    private const string Prefix = "rsisim-worker-";

    /// <summary>Folders from before they carried their host's id: removed once they are a day old.</summary>
    private static readonly TimeSpan UnownedAge = TimeSpan.FromDays(1);

    private static int s_swept;

    /// <summary>A fresh folder for a worker of this process: <c>rsisim-worker-&lt;host pid&gt;-&lt;random&gt;</c>.</summary>
    public static DirectoryInfo Create()
    {
        if (Interlocked.Exchange(ref s_swept, 1) == 0)
        {
            SweepOrphans(Path.GetTempPath());
        }
        return Directory.CreateTempSubdirectory(string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Environment.ProcessId}-"));
    }

    /// <summary>Removes the worker folders in <paramref name="temp"/> whose host process is gone; returns how many.</summary>
    /// <remarks>A folder whose host id a new process has taken is left for a later sweep; nothing of a live host is touched.</remarks>
    internal static int SweepOrphans(string temp)
    {
        int removed = 0;
        IEnumerable<DirectoryInfo> folders;
        try
        {
            folders = new DirectoryInfo(temp).EnumerateDirectories(Prefix + "*");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
        foreach (var folder in folders)
        {
            bool orphan = HostOf(folder.Name) is { } host
                ? !IsRunning(host)
                : DateTime.UtcNow - folder.LastWriteTimeUtc > UnownedAge;
            if (orphan && TryDelete(folder))
            {
                removed++;
            }
        }
        return removed;
    }

    /// <summary>The host process id in a folder's name, or null for a name without one.</summary>
    internal static int? HostOf(string name)
    {
        if (!name.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var rest = name.AsSpan(Prefix.Length);
        int dash = rest.IndexOf('-');
        return dash > 0 && int.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out int pid) ? pid : null;
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }
        if (OperatingSystem.IsLinux())
        {
            return Directory.Exists(string.Create(CultureInfo.InvariantCulture, $"/proc/{pid}"));
        }
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool TryDelete(DirectoryInfo folder)
    {
        try
        {
            folder.Delete(recursive: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
