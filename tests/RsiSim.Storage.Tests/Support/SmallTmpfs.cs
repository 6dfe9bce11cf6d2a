using System.Diagnostics;

namespace RsiSim.Storage.Tests.Support;

/// <summary>A tmpfs of a given size mounted on a folder, to fill a real file system; needs root and mount(8).</summary>
internal sealed class SmallTmpfs : IDisposable
{
    private SmallTmpfs(string path) => Path = path;

    public string Path { get; }

    /// <summary>Mounts a tmpfs of <paramref name="size"/> (e.g. "256k") on <paramref name="path"/>, or returns null where that is not allowed.</summary>
    public static SmallTmpfs? TryMount(string path, string size)
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            return null;
        }
        Directory.CreateDirectory(path);
        return Run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", path) ? new SmallTmpfs(path) : null;
    }

    public void Resize(string size)
    {
        if (!Run("mount", "-o", "remount,size=" + size, Path))
        {
            throw new InvalidOperationException($"could not resize the tmpfs on {Path}");
        }
    }

    public void Dispose() => Run("umount", "-l", Path);

    private static bool Run(string file, params string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
