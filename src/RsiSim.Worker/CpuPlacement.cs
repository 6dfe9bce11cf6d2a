using System.Runtime.InteropServices;

namespace RsiSim.Worker;

/// <summary>Starts a run on a chosen CPU without keeping it there (Linux; elsewhere nothing happens).</summary>
/// <remarks>
/// The host names a place for each run, the same for every run of an evaluation, so that the reference and the candidate
/// run on the same CPU: on a virtual machine the CPUs can run at different speeds for seconds at a time, and
/// two workers left to the scheduler each tend to stay on the CPU they woke on. The loop thread (the process's main
/// thread) is pinned to that CPU to draw the run's data and wait for the run, then let go to every CPU it had as the
/// run begins: it stays where it is unless something else needs that CPU. .NET gives a new thread the main thread's
/// CPUs, so no code of the program runs while it is pinned (its finalizers run before), and threads the program starts
/// during its run get every CPU: a parallel program keeps them all.
/// </remarks>
internal static unsafe partial class CpuPlacement
{
    private const int MaskWords = 16; // cpu_set_t: 1024 CPUs

    private static readonly ulong[] AllowedMask = ReadAllowed();
    private static readonly int[] Allowed = CpusOf(AllowedMask);

    /// <summary>Whether a run can be placed: Linux, and at least two CPUs to choose from.</summary>
    public static bool Available => Allowed.Length > 1;

    /// <summary>Pins the calling thread to the CPU at this place (taken round the allowed CPUs); false if it could not.</summary>
    public static bool Pin(int place)
    {
        if (!Available)
        {
            return false;
        }
        int cpu = Allowed[(int)((uint)place % (uint)Allowed.Length)];
        var mask = new ulong[MaskWords];
        mask[cpu / 64] = 1UL << (cpu % 64);
        return Set(mask);
    }

    /// <summary>Lets the calling thread run on every CPU it was allowed at start again.</summary>
    /// <remarks>Should the start's CPUs no longer all exist (a container's CPU set shrank), every CPU is asked for: the
    /// kernel grants those the process may use, rather than leaving the run on one.</remarks>
    public static void Release()
    {
        if (Available && !Set(AllowedMask))
        {
            var all = new ulong[MaskWords];
            Array.Fill(all, ulong.MaxValue);
            Set(all);
        }
    }

    private static bool Set(ulong[] mask)
    {
        fixed (ulong* words = mask)
        {
            return sched_setaffinity(0, MaskWords * sizeof(ulong), words) == 0;
        }
    }

    private static ulong[] ReadAllowed()
    {
        var mask = new ulong[MaskWords];
        if (!OperatingSystem.IsLinux())
        {
            return mask;
        }
        try
        {
            fixed (ulong* words = mask)
            {
                return sched_getaffinity(0, MaskWords * sizeof(ulong), words) >= 0 ? mask : new ulong[MaskWords];
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return new ulong[MaskWords];
        }
    }

    // A plain loop: this file is precompiled, and LINQ over ints would be JIT-compiled in every fresh worker.
    private static int[] CpusOf(ulong[] mask)
    {
        var cpus = new List<int>();
        for (int cpu = 0; cpu < MaskWords * 64; cpu++)
        {
            if ((mask[cpu / 64] & (1UL << (cpu % 64))) != 0)
            {
                cpus.Add(cpu);
            }
        }
        return [.. cpus];
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int sched_getaffinity(int pid, nuint size, ulong* mask);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int sched_setaffinity(int pid, nuint size, ulong* mask);
}
