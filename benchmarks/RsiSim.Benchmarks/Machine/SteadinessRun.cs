using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using RsiSim.Benchmarks.Evaluation;
using RsiSim.Core.Evaluations;

namespace RsiSim.Benchmarks.Machine;

/// <summary>How steady this machine is right now: the same fixed piece of arithmetic timed again and again on the CPU every
/// timed run starts on, each time with what the kernel says of it (the thread's own CPU time, its wait for a CPU behind
/// other work, the time the hypervisor took from the guest).</summary>
/// <remarks>
/// The fidelity figure is the spread of five evaluations' speedups; on a shared virtual machine the machine itself can
/// change speed for hundreds of milliseconds at a time, by half or more, with the thread on its CPU all along and no steal
/// recorded (2026-12-07: 33 against 57 ms for the same loop). Such a slowdown cannot be seen from inside the guest except
/// by timing a known piece of work, which is what this does. Run it beside <c>fidelity</c> to tell the machine's spread
/// from RsiSim's. Linux only: the thread's CPU time comes from its CPU clock, its wait for a CPU from
/// <c>/proc/thread-self/schedstat</c>, steal from <c>/proc/stat</c>. <c>--repetitions N</c> (30), <c>--pause MS</c> between
/// two (20), <c>--each</c> to print every timing.
/// </remarks>
internal static partial class SteadinessRun
{
    // Three products of 256x256 matrices: some 35 to 60 ms here, as long as the mid-way candidate's run at small.
    private const int Side = 256;
    private const int Products = 3;
    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID

    public static int Run(string[] args)
    {
        int repetitions = ConsoleArguments.Number(args, "--repetitions", 30);
        int pause = ConsoleArguments.Number(args, "--pause", 20);
        if (!File.Exists("/proc/thread-self/schedstat"))
        {
            Console.Error.WriteLine("steadiness: needs Linux's /proc/thread-self/schedstat");
            return 2;
        }
        int cpu = Environment.ProcessorCount - 1;
        if (OperatingSystem.IsLinux())
        {
            // The main thread (this mode has no await), on the CPU every timed run starts on (SandboxOptions.PlaceRuns).
            Process.GetCurrentProcess().ProcessorAffinity = (nint)(1L << cpu);
        }
        var (a, b, c) = (Filled(1), Filled(2), new double[Side * Side]);
        Multiply(a, b, c); // compiled and warm before the first timing
        Console.WriteLine(Invariant($"steadiness: {Products} products of {Side}x{Side} matrices, {repetitions} times on CPU {cpu}, {pause} ms apart, load average {MachineLoad.Text()}"));
        var walls = new List<double>();
        double onCpu = 0, waited = 0, stolen = 0, total = 0;
        for (int i = 0; i < repetitions; i++)
        {
            Thread.Sleep(pause);
            var (ran0, wait0) = (ThreadCpuMilliseconds(), WaitedMilliseconds());
            long steal0 = StealTicks();
            long start = Stopwatch.GetTimestamp();
            for (int p = 0; p < Products; p++)
            {
                Multiply(a, b, c);
            }
            double wall = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var (ran1, wait1) = (ThreadCpuMilliseconds(), WaitedMilliseconds());
            long steal = StealTicks() - steal0;
            walls.Add(wall);
            total += wall;
            onCpu += ran1 - ran0;
            waited += wait1 - wait0;
            stolen += steal * 10.0;
            if (args.Contains("--each"))
            {
                Console.WriteLine(Invariant($"  {wall,6:0.0} ms, on the CPU {ran1 - ran0,6:0.0}, waiting for it {wait1 - wait0,5:0.0}, stolen {steal * 10} ms"));
            }
        }
        double median = Statistics.Median(walls);
        double mean = walls.Average();
        double cv = Math.Sqrt(walls.Sum(w => (w - mean) * (w - mean)) / (walls.Count - 1)) / mean;
        Console.WriteLine(Invariant($"median {median:0.0} ms, from {walls.Min():0.0} to {walls.Max():0.0} ms, coefficient of variation {cv:0.0%}; of the {total:0} ms timed, on the CPU {onCpu / total:0.0%}, waiting for it behind other work {waited:0} ms, stolen by the hypervisor {stolen:0} ms (10 ms ticks, all CPUs); load average {MachineLoad.Text()}"));
        return 0;
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

    // The calling thread's time on a CPU, to the nanosecond (schedstat's own figure is brought up to date only at the
    // scheduler's ticks while the thread runs).
    private static double ThreadCpuMilliseconds() =>
        ClockGetTime(ThreadCpuClock, out var now) == 0 ? now.Seconds * 1e3 + now.Nanoseconds / 1e6 : double.NaN;

    // The calling thread's time waiting for a CPU behind other work, in milliseconds (schedstat's second figure, nanoseconds).
    private static double WaitedMilliseconds() =>
        long.Parse(File.ReadAllText("/proc/thread-self/schedstat").Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1e6;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    // Time the hypervisor ran something else on this guest's CPUs, summed over them, in USER_HZ ticks (/proc/stat's "steal").
    private static long StealTicks()
    {
        string cpu = File.ReadLines("/proc/stat").First();
        string[] fields = cpu.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 8 ? long.Parse(fields[8], CultureInfo.InvariantCulture) : 0;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
