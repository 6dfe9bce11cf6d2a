using System.Globalization;

namespace RsiSim.IntegrationTests.Support;

/// <summary>The sandbox workers a process started, read from /proc, with the CPU time each has used.</summary>
internal static class WorkerProcesses
{
    /// <summary>Clock ticks per second of /proc/&lt;pid&gt;/stat's times on Linux.</summary>
    public const int TicksPerSecond = 100;

    /// <summary>Live RsiSim.Worker children of <paramref name="parent"/>: process id, user + system CPU in clock ticks, and
    /// whether it was started as a spare (its argument "warm"), by process id.</summary>
    public static IReadOnlyList<(int Id, long CpuTicks, bool Spare)> Of(int parent)
    {
        var workers = new List<(int, long, bool)>();
        foreach (string directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out int id))
            {
                continue;
            }
            try
            {
                string stat = File.ReadAllText(Path.Combine(directory, "stat"));
                // pid (comm) state ppid ... utime stime: comm may hold spaces, so the fields are counted from the last ')'.
                string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                string[] arguments = File.ReadAllText(Path.Combine(directory, "cmdline")).Split('\0');
                if (fields[0] == "Z" || int.Parse(fields[1], CultureInfo.InvariantCulture) != parent
                    || !arguments.Any(a => a.EndsWith("RsiSim.Worker.dll", StringComparison.Ordinal)))
                {
                    continue;
                }
                workers.Add((id, long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture), arguments.Contains("warm")));
            }
            catch (IOException)
            {
                // It ended meanwhile.
            }
        }
        return [.. workers.OrderBy(w => w.Item1)];
    }
}
