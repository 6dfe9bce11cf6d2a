using System.Diagnostics;
using System.Globalization;
using RsiSim.Worker.Protocol;

namespace RsiSim.Worker;

/// <summary>After a run, finds work the program left running: CPU use, busy or queued pool work, timers, live threads.</summary>
/// <remarks>
/// Work that outlives the call it belongs to is either untimed computation or load that slows whatever runs
/// next on the machine; both break the timing. Counts are taken against the counts taken as the worker
/// starts, before the program is loaded (loading it starts no thread or timer, and none of its code runs before its
/// first run). On Linux, CPU time and threads come from <see cref="ThreadCensus"/>,
/// which tells the runtime's threads from the program's by name (so the policy forbids naming threads);
/// elsewhere only the process's CPU time, the pool and timers are watched.
/// </remarks>
internal sealed class SettleProbe
{
    private const double BusyFraction = 0.3;

    /// <summary>The shortest window where CPU time comes in 10 ms ticks: a shorter one cannot tell one tick from work.</summary>
    internal const int TickWindowMilliseconds = 20;
    private static readonly TimeSpan Recount = TimeSpan.FromMilliseconds(50);
    private readonly long _timers = Timer.ActiveCount;
    private readonly ThreadCensus.Census _start = ThreadCensus.Available ? ThreadCensus.Take() : default;
    private (long At, double Cpu)? _began;
    private double _finalizing;

    // The threads as the last reading of CPU time found them: every watch ends with one, after its last sleep, so the
    // threads' first count needs no reading of its own.
    private ThreadCensus.Census _last;

    /// <summary>Starts the watch the moment a run returns, so that the worker's own sending of the result (on the loop
    /// thread, which the census leaves out) fills the window instead of coming before it.</summary>
    /// <remarks>Only where the census can leave the loop thread out: elsewhere the process's CPU time would count the
    /// sending of the result as the program's, and the watch starts at the settle request as before.</remarks>
    public void Begin()
    {
        if (ThreadCensus.Available)
        {
            _began = (Stopwatch.GetTimestamp(), CpuMilliseconds());
        }
    }

    /// <summary>Collects the run's garbage and runs the program's finalizers it finds, noting the CPU time they take.</summary>
    /// <remarks>
    /// Called on the loop thread right after the result is sent, inside the window: the collection is this thread's
    /// time (not the program's), the finalizers the finalizer thread's. Their work ends before the window is checked, so
    /// the check's second look would find nothing; it is counted here instead (the adversarial <c>finalizer-work</c>).
    /// The young generation is collected first, then the whole heap: the reference's run at small leaves some 16 MB
    /// there since its last collection, and one full collection over it paused the worker 1.8 to 3.9 ms, the two
    /// together 0.5 to 0.7 ms.
    /// </remarks>
    public void CollectRunGarbage()
    {
        double before = ThreadCensus.Available ? ThreadCensus.FinalizerCpuMilliseconds() : 0;
        Collect();
        _finalizing = ThreadCensus.Available ? ThreadCensus.FinalizerCpuMilliseconds() - before : 0;
    }

    /// <summary>The run's garbage and the finalizers it holds, where no program is loaded to watch.</summary>
    public static void Collect()
    {
        GC.Collect(0);
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    /// <summary>Watches at least <paramref name="windowMilliseconds"/> from <see cref="Begin"/> (or from now, without it).</summary>
    public WorkerMessage Check(int windowMilliseconds)
    {
        var window = Window(windowMilliseconds, ThreadCensus.Nanoseconds);
        double finalizing = _finalizing;
        _finalizing = 0;
        if (finalizing > FinalizerAllowance(ThreadCensus.Nanoseconds))
        {
            return new ErrorMessage("policy-violation", string.Create(CultureInfo.InvariantCulture,
                $"the program's finalizers computed for {finalizing:0} ms after its run returned; work belongs inside the call that needs it"));
        }
        var (cpu, watched) = WatchSinceBegin(window);
        if (cpu > BusyFraction * watched.TotalMilliseconds)
        {
            // A blip (a finalizer, a clock tick charged late where only ticks are kept) ends quickly; left-over work does not.
            window *= 4;
            cpu = IdleCpu(window);
            watched = window;
        }
        if (cpu > BusyFraction * watched.TotalMilliseconds)
        {
            return Violation(string.Create(CultureInfo.InvariantCulture, $"the program was still computing after its run returned ({cpu:0} ms of CPU in {watched.TotalMilliseconds:0} ms while the harness was idle)"));
        }
        if (PoolWork() is (> 0, _) or (_, > 0))
        {
            // Counted again, as threads are: the pool marks a thread idle only once it is back in its own loop, which can
            // come a few milliseconds after a parallel loop it served has returned when the machine is busy (a legitimate
            // parallel program, tinyconv's expert at tiny, showed "1 busy" 5 ms after its run). Work that is still there
            // is the program's, and so is CPU used meanwhile.
            double meanwhile = IdleCpu(Recount);
            if (PoolWork() is var (busy, queued) && (busy > 0 || queued > 0 || meanwhile > BusyFraction * Recount.TotalMilliseconds))
            {
                return Violation(string.Create(CultureInfo.InvariantCulture,
                    $"the program left work in the thread pool after its run returned ({busy} busy, {queued} queued, {meanwhile:0} ms of CPU in the last {Recount.TotalMilliseconds:0} ms)"));
            }
        }
        if (Timer.ActiveCount > _timers)
        {
            return Violation($"the program left {Timer.ActiveCount - _timers} timers or delays pending after its run returned");
        }
        if (ThreadCensus.Available && ExtraThreads() is > 0 and var extra)
        {
            return Violation($"the program left {extra} threads alive after its run returned");
        }
        return new SettledMessage(cpu);
    }

    /// <summary>CPU time the finalizers of one run may take: freeing native memory or a handle takes microseconds. Where CPU
    /// time comes in 10 ms ticks, one tick charged to the finalizer thread by chance is allowed.</summary>
    internal static double FinalizerAllowance(bool nanoseconds) => nanoseconds ? 1 : 10;

    /// <summary>The window watched for a request: 1 ms to 5 s, and at least <see cref="TickWindowMilliseconds"/> where CPU
    /// time is kept only in ticks.</summary>
    internal static TimeSpan Window(int requestedMilliseconds, bool nanoseconds) =>
        TimeSpan.FromMilliseconds(Math.Clamp(requestedMilliseconds, nanoseconds ? 1 : TickWindowMilliseconds, 5000));

    private static (int Busy, long Queued) PoolWork()
    {
        ThreadPool.GetAvailableThreads(out int available, out _);
        ThreadPool.GetMaxThreads(out int max, out _);
        return (max - available, ThreadPool.PendingWorkItemCount);
    }

    // Counted twice (ThreadCensus.LeftBehind): a runtime thread not yet named, or a pool thread retiring, at one census is not
    // the program's. The first count is the last watch's.
    private int ExtraThreads()
    {
        int extra = ThreadCensus.LeftBehind(_start, _last, _last);
        if (extra > 0)
        {
            Thread.Sleep(Recount);
            extra = ThreadCensus.LeftBehind(_start, _last, ThreadCensus.Take());
        }
        return extra;
    }

    private static ErrorMessage Violation(string what) =>
        new("policy-violation", what + "; threads and tasks must finish before the call that started them returns");

    private (double Cpu, TimeSpan Watched) WatchSinceBegin(TimeSpan window)
    {
        if (_began is not { } began)
        {
            return (IdleCpu(window), window);
        }
        _began = null;
        var elapsed = Stopwatch.GetElapsedTime(began.At);
        if (elapsed < window)
        {
            Thread.Sleep(window - elapsed);
        }
        return (CpuMilliseconds() - began.Cpu, Stopwatch.GetElapsedTime(began.At));
    }

    private double IdleCpu(TimeSpan window)
    {
        double before = CpuMilliseconds();
        Thread.Sleep(window);
        return CpuMilliseconds() - before;
    }

    private double CpuMilliseconds()
    {
        if (!ThreadCensus.Available)
        {
            return Environment.CpuUsage.TotalTime.TotalMilliseconds;
        }
        _last = ThreadCensus.Take();
        return _last.ProgramCpuMilliseconds;
    }
}
