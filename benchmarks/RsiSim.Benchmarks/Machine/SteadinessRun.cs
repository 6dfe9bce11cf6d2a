using System.Globalization;
using RsiSim.Benchmarks.Evaluation;

namespace RsiSim.Benchmarks.Machine;

/// <summary>How steady this machine is right now: <see cref="MachineProbe"/>'s fixed piece of arithmetic timed again and
/// again on the CPU every timed run starts on, each time with what the kernel says of it.</summary>
/// <remarks>
/// Run it beside <c>fidelity</c> (which probes the same way, more briefly, before each evaluation) to tell the machine's
/// spread from RsiSim's. <c>--repetitions N</c> (30), <c>--pause MS</c> between two (20), <c>--each</c> to print every
/// timing.
/// </remarks>
internal static class SteadinessRun
{
    public static int Run(string[] args)
    {
        int repetitions = ConsoleArguments.Number(args, "--repetitions", 30);
        int pause = ConsoleArguments.Number(args, "--pause", 20);
        if (!MachineProbe.Available)
        {
            Console.Error.WriteLine("steadiness: needs Linux's /proc/thread-self/schedstat");
            return 2;
        }
        if (repetitions < 2)
        {
            Console.Error.WriteLine("steadiness: --repetitions must be at least 2");
            return 2;
        }
        Console.WriteLine(Invariant($"steadiness: 3 products of 256x256 matrices, {repetitions} times on CPU {MachineProbe.Cpu}, {pause} ms apart, load average {MachineLoad.Text()}"));
        Action<ProbeTiming>? each = args.Contains("--each")
            ? t => Console.WriteLine(Invariant($"  {t.WallMs,6:0.0} ms, on the CPU {t.OnCpuMs,6:0.0}, waiting for it {t.WaitedMs,5:0.0}, stolen {t.StolenMs:0} ms"))
            : null;
        var probe = MachineProbe.Measure(repetitions, pause, each);
        double total = probe.Timings.Sum(t => t.WallMs);
        Console.WriteLine(Invariant($"{probe.Spread}; of the {total:0} ms timed, on the CPU {probe.Timings.Sum(t => t.OnCpuMs) / total:0.0%}, waiting for it behind other work {probe.Timings.Sum(t => t.WaitedMs):0} ms, stolen by the hypervisor {probe.Timings.Sum(t => t.StolenMs):0} ms (10 ms ticks, all CPUs); load average {MachineLoad.Text()}"));
        return 0;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
