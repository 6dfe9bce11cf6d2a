namespace RsiSim.Evaluation.Sandbox;

/// <summary>The limits and paths of the worker processes candidates run in.</summary>
public sealed record SandboxOptions
{
    /// <summary>The worker's GC heap hard limit (DOTNET_GCHeapHardLimit); managed allocations past it throw OutOfMemoryException.</summary>
    public long MemoryCapBytes { get; init; } = 2L << 30;

    /// <summary>The worker's address-space limit, applied with prlimit where it exists; null for the default, 0 for none.</summary>
    /// <remarks>The default is the memory cap plus <see cref="AddressSpaceHeadroomBytes"/>: the runtime reserves address space it never touches.</remarks>
    public long? AddressSpaceBytes { get; init; }

    /// <summary>What the runtime itself needs on top of the heap cap (code, stacks, reservations).</summary>
    public const long AddressSpaceHeadroomBytes = 6L << 30;

    /// <summary>Characters of a run's printed output kept and shown to the agent.</summary>
    public int OutputLimit { get; init; } = 4096;

    /// <summary>How long a worker may take to start, load a program or prepare a run's data.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a worker watches for left-over work after each run, counted from the run's return (untimed; 1 ms
    /// to 5 s). Where the kernel keeps CPU time only in 10 ms ticks, the worker watches at least 20 ms whatever this says.</summary>
    /// <remarks>Work left running shows at once where CPU time is kept to the nanosecond; threads, timers and pool work
    /// are counted whatever the window. Every run pays it, both sides: 14 runs an evaluation by default. 2 ms since
    /// 2026-11-28, 14:00 UTC (5 ms from 07:00 that day, 20 ms before): with the checks and the run's garbage collection
    /// inside the window the 5 ms were what each hand-over waited for, and side by side 2 and 5 ms evaluated the mid-way
    /// candidate alike (coefficients of variation 0.6-0.9% and 0.8-1.5%, medians 7.23-7.31x and 7.18-7.31x;
    /// docs/evaluation.md). The landscape keeps 20 ms (<see cref="Caching.LandscapeMethod"/>).</remarks>
    public TimeSpan SettleWindow { get; init; } = TimeSpan.FromMilliseconds(2);

    /// <summary>Whether every run, of either program, starts on the same CPU: place <see cref="Environment.ProcessorCount"/>
    /// − 1 among the CPUs the worker may use, which is the last of them unless a CPU quota or DOTNET_PROCESSOR_COUNT
    /// lowers the count (Linux, two or more CPUs).</summary>
    /// <remarks>On a virtual machine the CPUs can run at different speeds for seconds at a time; left to the scheduler,
    /// each worker tends to stay on the CPU it woke on, and a pair then compares two CPUs as much as two programs. Pairs
    /// placed round the CPUs in turn made each program's times two-humped when the CPUs differed, and the ratio of the
    /// medians jumped between the humps. A run is only started on its CPU, not kept there: the program's own threads
    /// may use every CPU (docs/evaluation.md).</remarks>
    public bool PlaceRuns { get; init; } = true;

    /// <summary>Whether the reference's worker of a session is kept, loaded, for the next session of the same task, size and
    /// reference, instead of a fresh one started and loaded for every evaluation. It only ever runs the trusted reference;
    /// every candidate still gets a fresh worker.</summary>
    /// <remarks>Workers run with tiered compilation off, so a kept worker runs the same machine code as a fresh one after its
    /// warm-up; it saves a process start, a load and the first run's compilation per evaluation (docs/evaluation.md).</remarks>
    public bool KeepReferenceWorker { get; init; } = true;

    /// <summary>Whether a fresh worker is started for the next candidate as each session ends (from the second on), and the
    /// ended candidate's worker is stopped without the evaluation waiting for it. The next session opens only once both are done, so neither
    /// runs beside a timed run; in a run the spare's start falls while the agent proposes the next candidate.</summary>
    /// <remarks>A spare is only ever started, never loaded: every candidate still gets a worker no program has run in.</remarks>
    public bool SpareWorker { get; init; } = true;

    /// <summary>Whether a session may open while its candidate's worker is still starting, where the reference's worker is
    /// kept: the reference's first run, a warm-up, then goes beside the start and the candidate's load instead of after them.
    /// The evaluation holds the timing gate alone from its compile on, so that the start falls beside no other evaluation's
    /// timed run, and the candidate's first run, and every timed run, waits until the start, the load and the turnover are
    /// done.</summary>
    /// <remarks>Back to back (an offline agent proposes in milliseconds) the spare worker started as the last session ended
    /// was still starting when the compile was done: the evaluation waited some 40 ms for it with nothing else to do. A
    /// warm-up run is not counted, and it is the reference's, in a worker that has run it before (docs/evaluation.md). The
    /// overhead benchmark counts the stretch of that run beside the start as overhead.</remarks>
    public bool FirstRunBesideStart { get; init; } = true;

    /// <summary>Whether the host draws each run's input (<see cref="Tasks.Harness.ITaskHarness.DrawInput"/>) and hands it to
    /// both workers in a file, instead of each worker drawing its runs from their seeds.</summary>
    /// <remarks>Drawn once a seed instead of once a side, and while the host compiles instead of between two timed runs,
    /// where each worker's drawing shared two cores with the other worker's collection and the host's checks (tinylm at
    /// <c>small</c>: 1.3 ms a run alone, 2 to 3 ms there; docs/evaluation.md). Tasks that draw no input in the host are
    /// drawn in the worker either way. The held-out data the checks use is never drawn in a worker.</remarks>
    public bool DrawInputsInHost { get; init; } = true;

    /// <summary>The worker assembly; by default the precompiled worker/RsiSim.Worker.dll next to this assembly where the build
    /// made one (linux-x64), else RsiSim.Worker.dll next to it.</summary>
    public string? WorkerPath { get; init; }

    /// <summary>The dotnet host that runs the worker; by default the one running this process.</summary>
    public string? DotnetPath { get; init; }

    public long EffectiveAddressSpaceBytes => AddressSpaceBytes ?? MemoryCapBytes + AddressSpaceHeadroomBytes;

    /// <summary>Throws for settings that cannot work; call once, before the first worker starts.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MemoryCapBytes, 64L << 20, nameof(MemoryCapBytes));
        ArgumentOutOfRangeException.ThrowIfNegative(EffectiveAddressSpaceBytes, nameof(AddressSpaceBytes));
        ArgumentOutOfRangeException.ThrowIfNegative(OutputLimit, nameof(OutputLimit));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(StartTimeout, TimeSpan.Zero, nameof(StartTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(SettleWindow, TimeSpan.FromMilliseconds(1), nameof(SettleWindow));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(SettleWindow, TimeSpan.FromSeconds(5), nameof(SettleWindow));
    }
}
