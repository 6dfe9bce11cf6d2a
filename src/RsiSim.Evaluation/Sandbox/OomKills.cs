using System.Globalization;

namespace RsiSim.Evaluation.Sandbox;

/// <summary>How many processes the kernel's out-of-memory killer has ended (<c>oom_kill</c> in /proc/vmstat), to tell its SIGKILL from anyone else's.</summary>
internal static class OomKills
{
    private const string VmStat = "/proc/vmstat";

    /// <summary>The count since boot, or null where the system does not report it.</summary>
    public static long? Count()
    {
        try
        {
            if (!File.Exists(VmStat))
            {
                return null;
            }
            foreach (string line in File.ReadLines(VmStat))
            {
                if (line.StartsWith("oom_kill ", StringComparison.Ordinal)
                    && long.TryParse(line.AsSpan("oom_kill ".Length), NumberStyles.None, CultureInfo.InvariantCulture, out long count))
                {
                    return count;
                }
            }
            return null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Whether the killer may have acted since <paramref name="before"/>: true when either count is unknown.</summary>
    public static bool MayHaveActedSince(long? before) => before is not { } start || Count() is not { } now || now > start;
}
