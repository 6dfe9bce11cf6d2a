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
        PoolWorker, ".NET TP Gate", ".NET TP Wait", ".NET Timer", Finalizer, ".NET Sockets", ".NET Counter Po",
    };

    private const string PoolWorker = ".NET TP Worker";
    private const string Finalizer = ".NET Finalizer";
    private static string? s_finalizerTask;

    public static bool Available { get; } = Directory.Exists(Tasks);

    /// <summary>Whether this kernel keeps each thread's CPU time to the nanosecond (schedstat), not only in 10 ms ticks.</summary>
    public static bool Nanoseconds { get; } = File.Exists($"{Tasks}/{Environment.ProcessId}/schedstat");

    /// <summary>CPU milliseconds used so far by every thread that can run the program's code, except the worker's own loop thread.</summary>
    /// <remarks>
    /// The loop thread (the process's first thread, whose id is the process id) is the one asking: while it watches, it
    /// sleeps or reads this census, and the program cannot run on it, so its time is the census's own cost, not the
    /// program's. Times come from schedstat, in nanoseconds, where the kernel keeps it; from stat, in 10 ms ticks, elsewhere.
    /// A tick is charged whole to whichever thread holds the CPU when it falls, so counted in ticks a few milliseconds
    /// of the census's own reading could show as 10 ms of the program's.
    /// </remarks>
    public static double ProgramCpuMilliseconds() => Take().ProgramCpuMilliseconds;

    /// <summary>What one reading of every thread found: the program's CPU time, and the threads that may be its own.</summary>
    /// <param name="ProgramCpuMilliseconds">See <see cref="ProgramCpuMilliseconds"/>.</param>
    /// <param name="UnnamedThreads">The ids of the threads that carry no runtime name (the main thread's, inherited), in the
    /// order read: the main thread, and any the program started from it and left alive, but also a runtime thread in the
    /// moment between its start and its naming (see <see cref="LeftBehind"/>).</param>
    /// <param name="ExtraPoolThreads">Threads named as pool workers beyond the pool's own count: a thread started from a pool
    /// thread inherits the pool's name.</param>
    internal readonly record struct Census(double ProgramCpuMilliseconds, int[] UnnamedThreads, int ExtraPoolThreads);

    /// <summary>The program's CPU time and the threads that may be its own, from one reading of every thread: a settle's
    /// check takes both at the end of its window.</summary>
    public static Census Take()
    {
        // Plain loops over a class, here and below: this file is precompiled, and LINQ over a tuple would have each fresh
        // worker JIT-compile its generic instantiations on the evaluation's path.
        double total = 0;
        var unnamed = new List<int>(4);
        int pool = 0;
        foreach (var thread in Threads())
        {
            bool runtimeOnly = RuntimeOnly.Contains(thread.Name);
            if (IsProgram(thread))
            {
                total += thread.CpuMilliseconds;
            }
            if (!runtimeOnly && !RuntimeShared.Contains(thread.Name))
            {
                unnamed.Add(thread.Id);
            }
            pool += thread.Name == PoolWorker ? 1 : 0;
        }
        return new Census(total, [.. unnamed], Math.Max(0, pool - ThreadPool.ThreadCount));
    }

    /// <summary>The CPU milliseconds of each thread <see cref="ProgramCpuMilliseconds"/> counts, by thread id: what it sums.</summary>
    internal static Dictionary<int, double> ProgramThreads()
    {
        var counted = new Dictionary<int, double>();
        foreach (var thread in Threads())
        {
            if (IsProgram(thread))
            {
                counted[thread.Id] = thread.CpuMilliseconds;
            }
        }
        return counted;
    }

    // A thread that can run the program's code, other than the loop thread that asks (see ProgramCpuMilliseconds).
    private static bool IsProgram(ThreadTimes thread) => !RuntimeOnly.Contains(thread.Name) && thread.Id != Environment.ProcessId;

    /// <summary>How many threads the program left alive, from a census taken as the worker started (before any of its code ran)
    /// and two taken after its run, some tens of milliseconds apart.</summary>
    /// <remarks>
    /// Threads are told apart by id, not counted: the runtime names its threads just after starting them, and until then
    /// one shows the name of the thread that started it, like a thread of the program. Under load that moment lasts: a spare
    /// worker's first census found such a thread 16 times in 18 (the runtime's signal handler, started in the warm-up: the
    /// census listed a second "dotnet" and no ".NET SigHandler"),
    /// and a count taken against that start missed the thread the adversarial <c>background-thread</c> left running (7
    /// evaluations in 20 passed beside six busy loops). A thread that was there at the start is never the program's; one
    /// that appeared since counts only if it is still there, still unnamed, at the second census.
    /// Pool workers have no ids to tell apart: those beyond the pool's count in both later censuses are the program's,
    /// whatever the start found (a worker starts with no pool thread, and one retiring as the start's census was taken would
    /// otherwise hide one the program left). A census never taken (no census here) has no threads.
    /// </remarks>
    internal static int LeftBehind(Census atStart, Census first, Census second)
    {
        int[] before = atStart.UnnamedThreads ?? [], seen = first.UnnamedThreads ?? [];
        int left = 0;
        foreach (int id in second.UnnamedThreads ?? [])
        {
            if (Array.IndexOf(seen, id) >= 0 && Array.IndexOf(before, id) < 0)
            {
                left++;
            }
        }
        return left + Math.Max(0, Math.Min(first.ExtraPoolThreads, second.ExtraPoolThreads));
    }

    /// <summary>CPU milliseconds used so far by the runtime's finalizer thread, which runs the program's finalizers.</summary>
    /// <remarks>The thread is found once; after that only its own files are read (twice a run).</remarks>
    public static double FinalizerCpuMilliseconds()
    {
        if (s_finalizerTask is { } known && Read(known) is { Name: Finalizer } times)
        {
            return times.CpuMilliseconds;
        }
        foreach (string task in Directory.EnumerateDirectories(Tasks))
        {
            if (Read(task) is { Name: Finalizer } found)
            {
                s_finalizerTask = task;
                return found.CpuMilliseconds;
            }
        }
        return 0;
    }

    private sealed record ThreadTimes(int Id, string Name, double CpuMilliseconds);

    private static List<ThreadTimes> Threads()
    {
        var threads = new List<ThreadTimes>();
        foreach (string task in Directory.EnumerateDirectories(Tasks))
        {
            if (Read(task) is { } times)
            {
                threads.Add(times);
            }
        }
        return threads;
    }

    // One thread's name and CPU time from its folder under /proc/self/task; null when it ended meanwhile.
    private static ThreadTimes? Read(string task)
    {
        string stat;
        string? schedstat;
        try
        {
            stat = File.ReadAllText(Path.Combine(task, "stat"));
            schedstat = Nanoseconds ? File.ReadAllText(Path.Combine(task, "schedstat")) : null;
        }
        catch (IOException)
        {
            return null;
        }
        var (name, ticks) = ParseStat(stat);
        double cpu = ParseSchedstat(schedstat) ?? ticks * 1000 / ClockTicksPerSecond;
        return new ThreadTimes(int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture), name, cpu);
    }

    /// <summary>A thread's name and its user plus system time in clock ticks, from a /proc/.../stat line.</summary>
    internal static (string Name, long CpuTicks) ParseStat(string stat)
    {
        // tid (comm) state ... with utime and stime the 14th and 15th fields; comm may hold spaces.
        int open = stat.IndexOf('(', StringComparison.Ordinal);
        int close = stat.LastIndexOf(')');
        var fields = stat[(close + 2)..].Split(' ');
        return (stat[(open + 1)..close], long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
    }

    /// <summary>A thread's time on the CPU in milliseconds, from a /proc/.../schedstat line (nanoseconds first); null when absent or unreadable.</summary>
    internal static double? ParseSchedstat(string? schedstat)
    {
        if (schedstat is null)
        {
            return null;
        }
        int end = schedstat.IndexOf(' ', StringComparison.Ordinal);
        return long.TryParse(end < 0 ? schedstat.AsSpan().Trim() : schedstat.AsSpan(0, end), NumberStyles.None, CultureInfo.InvariantCulture, out long nanoseconds)
            ? nanoseconds / 1e6
            : null;
    }
}
