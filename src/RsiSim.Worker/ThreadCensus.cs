using System.Globalization;

namespace RsiSim.Worker;

/// <summary>The threads of this process as Linux shows them in /proc/self/task: name and CPU time.</summary>
/// <remarks>
/// The runtime names its own threads (".NET TP Worker", ".NET Tiered Com", ...); a thread the program starts
/// inherits the name of the thread that started it. Elsewhere than Linux there is no census.
/// </remarks>
internal static class ThreadCensus
{
    private const string Tasks = "/proc/self/task";
    private const double ClockTicksPerSecond = 100;

    /// <summary>Threads that only ever run runtime code, whatever the program does: the JIT's tiering, the GC, signals, diagnostics.</summary>
    private static readonly HashSet<string> RuntimeOnly = new(StringComparer.Ordinal)
    {
        ".NET Tiered Com", ".NET BGC", ".NET SigHandler", ".NET EventPipe", ".NET Debugger", ".NET DebugPipe", ".NET SynchManag",
    };

    /// <summary>Runtime threads that can run the program's code too (pool work, timers, finalizers) but exist without it.</summary>
    private static readonly HashSet<string> RuntimeShared = new(StringComparer.Ordinal)
    {
        PoolWorker, ".NET TP Gate", ".NET TP Wait", ".NET Timer", ".NET Finalizer", ".NET Sockets", ".NET Counter Po",
    };

    private const string PoolWorker = ".NET TP Worker";

    public static bool Available => Directory.Exists(Tasks);

    /// <summary>CPU milliseconds used so far by every thread that can run the program's code.</summary>
    public static double ProgramCpuMilliseconds() =>
        Threads().Where(t => !RuntimeOnly.Contains(t.Name)).Sum(t => t.CpuTicks) * 1000 / ClockTicksPerSecond;

    /// <summary>Threads that are not the runtime's: the main thread and any the program started and left alive.</summary>
    /// <remarks>A thread started from a pool thread inherits the pool's name; it shows as pool threads beyond the pool's own count.</remarks>
    public static int ProgramThreads()
    {
        var threads = Threads();
        int named = threads.Count(t => !RuntimeOnly.Contains(t.Name) && !RuntimeShared.Contains(t.Name));
        int posingAsPool = Math.Max(0, threads.Count(t => t.Name == PoolWorker) - ThreadPool.ThreadCount);
        return named + posingAsPool;
    }

    private static List<(string Name, long CpuTicks)> Threads()
    {
        var threads = new List<(string, long)>();
        foreach (string task in Directory.EnumerateDirectories(Tasks))
        {
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(task, "stat"));
            }
            catch (IOException)
            {
                continue; // the thread ended meanwhile
            }
            // tid (comm) state ... with utime and stime the 14th and 15th fields; comm may hold spaces.
            int open = stat.IndexOf('(', StringComparison.Ordinal);
            int close = stat.LastIndexOf(')');
            var fields = stat[(close + 2)..].Split(' ');
            threads.Add((stat[(open + 1)..close], long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)));
        }
        return threads;
    }
}
