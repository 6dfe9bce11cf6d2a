using System.Diagnostics;
using System.Globalization;
using RsiSim.Worker.Protocol;

namespace RsiSim.Worker;

/// <summary>After a run, finds work the program left running: busy or queued pool threads, timers, live threads, CPU use.</summary>
/// <remarks>
/// Work that outlives the call it belongs to is either untimed computation or load that slows whatever runs
/// next on the machine; both break the timing. The thread and timer counts are taken against the counts
/// right after the program was loaded, before any of its code ran. CPU time is summed over the threads
/// that can run the program's code: on Linux the runtime's own threads (the tiered JIT promoting hot
/// methods, the background GC) are told apart by name and left out, which is why the policy forbids
/// naming threads.
/// </remarks>
internal sealed class SettleProbe
{
    private const double BusyFraction = 0.3;
    private const string Tasks = "/proc/self/task";
    private const double LinuxClockTicksPerSecond = 100;

    // Threads that run only runtime code, whatever the program does.
    private static readonly HashSet<string> RuntimeThreads = new(StringComparer.Ordinal)
    {
        ".NET Tiered Com", ".NET BGC", ".NET SigHandler", ".NET EventPipe", ".NET Debugger", ".NET DebugPipe",
    };

    private readonly long _timers = Timer.ActiveCount;
    private readonly int _otherThreads = OtherThreads();

    public WorkerMessage Check(int windowMilliseconds)
    {
        var window = TimeSpan.FromMilliseconds(Math.Clamp(windowMilliseconds, 1, 5000));
        double cpu = IdleCpu(window);
        if (cpu > BusyFraction * window.TotalMilliseconds)
        {
            // A blip (the JIT promoting a method, the GC finishing) ends quickly; left-over work does not.
            window *= 4;
            cpu = IdleCpu(window);
        }
        if (cpu > BusyFraction * window.TotalMilliseconds)
        {
            return Violation(string.Create(CultureInfo.InvariantCulture, $"the program was still computing after its run returned ({cpu:0} ms of CPU in {window.TotalMilliseconds:0} ms while the harness was idle)"));
        }
        ThreadPool.GetAvailableThreads(out int available, out _);
        ThreadPool.GetMaxThreads(out int max, out _);
        if (max - available > 0 || ThreadPool.PendingWorkItemCount > 0)
        {
            return Violation($"the program left work in the thread pool after its run returned ({max - available} busy, {ThreadPool.PendingWorkItemCount} queued)");
        }
        if (Timer.ActiveCount > _timers)
        {
            return Violation($"the program left {Timer.ActiveCount - _timers} timers or delays pending after its run returned");
        }
        int threads = OtherThreads();
        if (threads > _otherThreads)
        {
            return Violation($"the program left {threads - _otherThreads} threads alive after its run returned");
        }
        return new SettledMessage(cpu);
    }

    private static ErrorMessage Violation(string what) =>
        new("policy-violation", what + "; threads and tasks must finish before the call that started them returns");

    private static double IdleCpu(TimeSpan window)
    {
        double before = ProgramCpuMilliseconds();
        Thread.Sleep(window);
        return ProgramCpuMilliseconds() - before;
    }

    private static double ProgramCpuMilliseconds()
    {
        if (!Directory.Exists(Tasks))
        {
            return Environment.CpuUsage.TotalTime.TotalMilliseconds;
        }
        long ticks = 0;
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
            if (RuntimeThreads.Contains(stat[(open + 1)..close]))
            {
                continue;
            }
            var fields = stat[(close + 2)..].Split(' ');
            ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        return ticks * 1000 / LinuxClockTicksPerSecond;
    }

    // Threads of the process that are not thread-pool workers: the runtime's own, and any the program started.
    private static int OtherThreads()
    {
        using var self = Process.GetCurrentProcess();
        return self.Threads.Count - ThreadPool.ThreadCount;
    }
}
