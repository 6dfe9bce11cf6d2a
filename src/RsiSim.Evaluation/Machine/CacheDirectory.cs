namespace RsiSim.Evaluation.Machine;

/// <summary>Where RsiSim keeps what it measured about this machine: $RSISIM_CACHE, else $XDG_CACHE_HOME/rsisim, else ~/.cache/rsisim.</summary>
public static class CacheDirectory
{
    public static string Path
    {
        get
        {
            string? overridden = System.Environment.GetEnvironmentVariable("RSISIM_CACHE");
            if (!string.IsNullOrWhiteSpace(overridden))
            {
                return overridden;
            }
            string? xdg = System.Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            string root = string.IsNullOrWhiteSpace(xdg)
                ? System.IO.Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".cache")
                : xdg;
            return System.IO.Path.Combine(root, "rsisim");
        }
    }

    /// <summary>A file in the cache folder, the folder created if needed.</summary>
    public static string File(string name)
    {
        Directory.CreateDirectory(Path);
        return System.IO.Path.Combine(Path, name);
    }
}
