using System.Globalization;
using System.Runtime.InteropServices;
using RsiSim.Core.Evaluations;

namespace RsiSim.Benchmarks.Machine;

/// <summary>One timing of the probe's fixed work: its wall time, and what the kernel says of it (the thread's own CPU time,
/// its wait for a CPU behind other work, the time the hypervisor took from the guest's CPUs).</summary>
internal readonly record struct ProbeTiming(double WallMs, double OnCpuMs, double WaitedMs, double StolenMs);

/// <summary>A probe's timings and their spread.</summary>
internal sealed record ProbeResult(IReadOnlyList<ProbeTiming> Timings)
{
    /// <summary>The coefficient of variation at or under which the machine counts as steady: a quiet machine here gives
    /// 0.2% to 1.9%, the two-speed mood 9% to 26% (docs/evaluation.md, "The machine's own spread").</summary>
    public const double SteadyAtMost = 0.03;

    private IReadOnlyCollection<double> Walls => [.. Timings.Select(t => t.WallMs)];

    public double Median => Statistics.Median(Walls);

    public double CoefficientOfVariation => SampleSpread.CoefficientOfVariation(Walls);

    public bool Steady => CoefficientOfVariation <= SteadyAtMost;

    /// <summary>"median 32.4 ms, from 32.3 to 32.9 ms, coefficient of variation 0.4%".</summary>
    public string Spread => string.Create(CultureInfo.InvariantCulture,
        $"median {Median:0.0} ms, from {Timings.Min(t => t.WallMs):0.0} to {Timings.Max(t => t.WallMs):0.0} ms, coefficient of variation {CoefficientOfVariation:0.0%}");
}

/// <summary>Times a fixed piece of arithmetic (three products of 256x256 matrices, some 32 ms here, about as long as the
/// mid-way candidate's run at small) again and again on one CPU, on a thread of its own pinned there.</summary>
/// <remarks>
/// On a shared virtual machine the machine itself can change speed for hundreds of milliseconds at a time, by half or more,
/// with the thread on its CPU all along and no steal recorded (2026-12-07: 33 against 57 ms for the same loop). Such a
/// slowdown cannot be seen from inside the guest except by timing a known piece of work, which is what this does; the
/// <c>steadiness</c> mode prints it, the <c>fidelity</c> mode probes before each evaluation and after the last to tell the
/// machine's spread from RsiSim's. Linux only: the thread's CPU time comes from its CPU clock, its wait for a CPU from
/// <c>/proc/thread-self/schedstat</c>, steal from <c>/proc/stat</c>, the pinning from <c>sched_setaffinity</c>.
/// </remarks>
internal static partial class MachineProbe
{
    private const int Side = 256;
    private const int Products = 3;
    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID

    public static bool Available => OperatingSystem.IsLinux() && File.Exists("/proc/thread-self/schedstat");

    /// <summary>The CPU every timed run starts on (SandboxOptions.PlaceRuns), where the probe runs too.</summary>
    public static int Cpu => Environment.ProcessorCount - 1;

    /// <summary>Times the work <paramref name="repetitions"/> times, <paramref name="pause"/> ms apart, on a thread pinned to
    /// <see cref="Cpu"/>; <paramref name="each"/> sees every timing as it is made.</summary>
    public static ProbeResult Measure(int repetitions, int pause, Action<ProbeTiming>? each = null)
    {
        if (!Available)
        {
            throw new PlatformNotSupportedException("the machine probe needs Linux's /proc/thread-self/schedstat");
        }
        if (repetitions < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(repetitions), repetitions, "at least 2, for a spread");
        }
        var timings = new List<ProbeTiming>(repetitions);
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                Pin(Cpu);
                var (a, b, c) = (Filled(1), Filled(2), new double[Side * Side]);
                Multiply(a, b, c); // compiled and warm before the first timing
                for (int i = 0; i < repetitions; i++)
                {
                    Thread.Sleep(pause);
                    var timing = TimeOnce(a, b, c);
                    timings.Add(timing);
                    each?.Invoke(timing);
                }
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        }) { Name = "machine probe", IsBackground = true };
        thread.Start();
        thread.Join();
        return failure is null ? new ProbeResult(timings) : throw new InvalidOperationException("the machine probe failed", failure);
    }

    private static ProbeTiming TimeOnce(double[] a, double[] b, double[] c)
    {
        // The files read outside the thread's CPU clock's span, which is read next to the wall clock's.
        var (steal0, wait0) = (StealTicks(), WaitedMilliseconds());
        double ran0 = ThreadCpuMilliseconds();
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        for (int p = 0; p < Products; p++)
        {
            Multiply(a, b, c);
        }
        double wall = System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        double ran = ThreadCpuMilliseconds() - ran0;
        return new ProbeTiming(wall, ran, WaitedMilliseconds() - wait0, (StealTicks() - steal0) * 10.0);
    }

    private static double[] Filled(int seed)
    {
        var random = new Random(seed);
        var matrix = new double[Side * Side];
        for (int i = 0; i < matrix.Length; i++)
        {
            matrix[i] = random.NextDouble();
        }
        return matrix;
    }

    private static void Multiply(double[] a, double[] b, double[] c)
    {
        Array.Clear(c);
        for (int i = 0; i < Side; i++)
        {
            for (int k = 0; k < Side; k++)
            {
                double x = a[i * Side + k];
                for (int j = 0; j < Side; j++)
                {
                    c[i * Side + j] += x * b[k * Side + j];
                }
            }
        }
    }

    private static unsafe void Pin(int cpu)
    {
        ulong mask = 1UL << cpu;
        if (sched_setaffinity(0, sizeof(ulong), &mask) != 0)
        {
            throw new InvalidOperationException($"could not pin the probe to CPU {cpu} (errno {Marshal.GetLastPInvokeError()})");
        }
    }

    // The calling thread's time on a CPU, to the nanosecond (schedstat's own figure is brought up to date only at the
    // scheduler's ticks while the thread runs).
    private static double ThreadCpuMilliseconds() =>
        ClockGetTime(ThreadCpuClock, out var now) == 0 ? now.Seconds * 1e3 + now.Nanoseconds / 1e6 : double.NaN;

    // The calling thread's time waiting for a CPU behind other work, in milliseconds (schedstat's second figure, nanoseconds).
    private static double WaitedMilliseconds() =>
        long.Parse(File.ReadAllText("/proc/thread-self/schedstat").Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1e6;

    // Time the hypervisor ran something else on this guest's CPUs, summed over them, in USER_HZ ticks (/proc/stat's "steal").
    private static long StealTicks()
    {
        string cpu = File.ReadLines("/proc/stat").First();
        string[] fields = cpu.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 8 ? long.Parse(fields[8], CultureInfo.InvariantCulture) : 0;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int sched_setaffinity(int pid, nuint size, ulong* mask);
}
