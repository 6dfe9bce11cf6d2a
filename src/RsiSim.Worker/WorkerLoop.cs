using System.Globalization;
using System.Runtime.Loader;
using RsiSim.Tasks;
using RsiSim.Tasks.Harness;
using RsiSim.Worker.Protocol;

namespace RsiSim.Worker;

/// <summary>Answers the host's requests one line at a time until "bye" or the end of its input.</summary>
internal sealed class WorkerLoop(TextReader input, TextWriter output, OutputCapture capture)
{
    private const int MaxEchoedLine = 200;

    /// <summary>The worker's own folder, where results are written: the folder it was started in.</summary>
    private readonly string _folder = Environment.CurrentDirectory;
    private IHarnessedTask? _task;
    private string _size = "";
    private Func<object>? _create;
    private IPreparedRun? _prepared;
    private SettleProbe? _probe;
    private SettleProbe? _settle;
    private bool _pinned;

    public int Run(bool warm = false)
    {
        if (warm)
        {
            Warm();
        }
        Send(new HelloMessage(WorkerMessage.ProtocolVersion, Environment.ProcessId));
        // The settle's counts (threads, timers) are taken now, while the host is still compiling, rather than on the load's
        // path (2 ms of a fresh worker's first census there): loading a program starts no thread and no timer, and none of
        // its code runs before its first run.
        _probe = new SettleProbe();
        while (input.ReadLine() is { } line)
        {
            switch (ProtocolLine.Read(line))
            {
                case LoadMessage load:
                    Send(Load(load));
                    break;
                case PrepareMessage prepare:
                    Send(Prepare(prepare));
                    break;
                case RunMessage:
                    RunPrepared();
                    CollectRunGarbage();
                    break;
                case SettleMessage settle:
                    Send(_settle?.Check(settle.WindowMilliseconds) ?? Protocol("settle before load"));
                    break;
                case ByeMessage:
                    return 0;
                default:
                    Send(Protocol($"not a request: {(line.Length > MaxEchoedLine ? line[..MaxEchoedLine] + "..." : line)}"));
                    break;
            }
        }
        return 0;
    }

    /// <summary>Goes once through what a fresh worker's first runs go through (finding the tasks, preparing a run from its
    /// input file, reading and writing protocol lines, writing and reading a result, a settle), so that a spare does it while
    /// no candidate waits.</summary>
    /// <remarks>
    /// A spare is started as a session ends, and the host waits for its hello before the next timed run, so this comes
    /// before the hello. The first of a fresh worker's runs had each step slower: the result 3.9 ms after "ran" (0.4 later),
    /// the settle 3.7 (2), finding the task 3.2 to 3.5 ms of the load, drawing the first run's data several times longer
    /// (docs/evaluation.md). No program is loaded yet (preparing a run does not create the model), and the settle's counts are
    /// taken afresh after the hello.
    /// </remarks>
    private void Warm()
    {
        // Each task prepares a run at its smallest size (the model is not created): a fresh worker's first preparation is
        // several times slower than its later ones, and without this the candidate's first run started 19 ms after the
        // reference's instead of 6 (host's trace, when workers drew their own data).
        string input = Path.Combine(_folder, InputFile.Name);
        foreach (var task in BuiltInTasks.Instance.All)
        {
            if (task is IHarnessedTask harnessed && task.Sizes.Count > 0)
            {
                // Through the input file where the host draws a task's runs (the path every run of it takes), else from the seed.
                Func<object> none = static () => throw new InvalidOperationException("no program in a warm-up");
                if (harnessed.Harness.DrawInput(task.Sizes[0], 1) is { } drawn)
                {
                    InputFile.Write(input, drawn);
                    harnessed.Harness.Prepare(task.Sizes[0], 1, InputFile.Read(input), none);
                }
                else
                {
                    harnessed.Harness.Prepare(task.Sizes[0], 1, none);
                }
            }
        }
        File.Delete(input);
        string result = Path.Combine(_folder, ResultFile.Name);
        ResultFile.Write(result, [[1.0], [2.0]]);
        ResultFile.Read(result, [1, 1]);
        File.Delete(result);
        var probe = new SettleProbe();
        probe.Begin();
        probe.CollectRunGarbage();
        foreach (var message in (WorkerMessage[])[
            new LoadMessage("task", "size", LoadMessage.ProgramFile, 1), new LoadedMessage(), new PrepareMessage(1, 0, InputFile.Name), new PreparedMessage(),
            new RunMessage(), new RanMessage(), new ResultMessage(ResultFile.Name, 1, [KeyValuePair.Create("w", 1)], ""),
            new SettleMessage(1), probe.Check(1), new ErrorMessage("crash", "warm-up"), new ByeMessage()])
        {
            ProtocolLine.Read(ProtocolLine.Write(message));
        }
        if (CpuPlacement.Pin(0))
        {
            CpuPlacement.Release();
        }
        SettleProbe.Collect();
    }

    private WorkerMessage Load(LoadMessage load)
    {
        if (BuiltInTasks.Instance.Find(load.Task) is not IHarnessedTask task)
        {
            return Protocol($"unknown task '{load.Task}'");
        }
        if (load.File != LoadMessage.ProgramFile)
        {
            return Protocol($"a program is loaded only from '{LoadMessage.ProgramFile}' in the worker's folder, not '{load.File}'");
        }
        byte[] image;
        try
        {
            image = File.ReadAllBytes(Path.Combine(_folder, load.File));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Protocol($"cannot read the program's image in the worker's folder: {ex.Message}");
        }
        capture.Limit = load.OutputLimit;
        CandidateBinding binding;
        try
        {
            var context = new AssemblyLoadContext("program");
            binding = task.Harness.Bind(context.LoadFromStream(new MemoryStream(image)));
        }
        catch (Exception ex) when (ex is BadImageFormatException or System.Reflection.ReflectionTypeLoadException or FileLoadException)
        {
            return new ErrorMessage("compile-error", $"cannot load the program: {ex.Message}");
        }
        if (binding.Create is null)
        {
            return new ErrorMessage("compile-error", binding.Error ?? "cannot bind the program");
        }
        (_task, _size, _create) = (task, load.Size, binding.Create);
        _settle = _probe;
        return new LoadedMessage();
    }

    private WorkerMessage Prepare(PrepareMessage prepare)
    {
        if (_task is null || _create is null)
        {
            return Protocol("prepare before load");
        }
        // The previous run's garbage was collected, and the program's finalizers it found were run, as soon as its result
        // was sent: before any pin, as .NET gives every new thread this (the main) thread's CPUs, so a thread a finalizer
        // started while pinned would keep one CPU for good.
        if (prepare.Place is { } place)
        {
            // Then only the harness's own work runs pinned: drawing the data on the CPU the run starts on, and the
            // blocking collection of what the drawing left behind.
            _pinned = CpuPlacement.Pin(place) || _pinned;
        }
        else
        {
            Unpin();
        }
        try
        {
            _prepared = prepare.Input switch
            {
                null => _task.Harness.Prepare(_size, prepare.Seed, _create),
                InputFile.Name => _task.Harness.Prepare(_size, prepare.Seed, InputFile.Read(Path.Combine(_folder, InputFile.Name)), _create),
                var other => throw new ArgumentException($"a run's input is read only from '{InputFile.Name}' in the worker's folder, not '{other}'"),
            };
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or NotSupportedException)
        {
            return Protocol(ex.Message);
        }
        GC.Collect();
        return new PreparedMessage();
    }

    private void RunPrepared()
    {
        if (_prepared is not { } prepared)
        {
            Send(Protocol("run before prepare"));
            return;
        }
        _prepared = null;
        capture.Take();
        // The run starts where it was placed, free to spread to every CPU.
        Unpin();
        RunOutput result;
        try
        {
            result = prepared.Run();
        }
#pragma warning disable CA1031 // Whatever the program throws is its failure, reported as data; the worker goes on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Send(RunFailure.From(ex, capture.Take()));
            return;
        }
        Send(new RanMessage());
        _settle?.Begin();
        Send(WriteResult(result));
    }

    // The result's doubles go to the file the host reads; an output too large for any result is refused before a byte of
    // it is written (a program could return the same huge array as every tensor), and a machine that cannot take the
    // file is said to be at fault, not the program.
    private WorkerMessage WriteResult(RunOutput result)
    {
        // Plain loops over arrays: this file is precompiled, and LINQ over key-value pairs would have each fresh worker
        // JIT-compile its generic instantiations on the evaluation's path.
        var names = new string[result.Tensors.Count];
        var arrays = new double[result.Tensors.Count + 1][];
        arrays[0] = [.. result.StepLosses];
        long doubles = arrays[0].Length;
        int i = 0;
        foreach (var (name, values) in result.Tensors)
        {
            names[i] = name;
            arrays[++i] = values ?? [];
            doubles += arrays[i].Length;
        }
        if (doubles > ResultFile.MaxDoubles)
        {
            return new ErrorMessage("crash", string.Create(CultureInfo.InvariantCulture,
                $"the program's output holds {doubles:N0} doubles, more than a result may hold ({ResultFile.MaxDoubles:N0})"), capture.Take());
        }
        try
        {
            ResultFile.Write(Path.Combine(_folder, ResultFile.Name), arrays);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new ErrorMessage("crash", $"the worker could not write the run's result to its folder ({ex.Message}): a fault of this machine, not of the program", capture.Take());
        }
        var lengths = new KeyValuePair<string, int>[names.Length];
        for (int t = 0; t < names.Length; t++)
        {
            lengths[t] = KeyValuePair.Create(names[t], arrays[t + 1].Length);
        }
        return new ResultMessage(ResultFile.Name, arrays[0].Length, lengths, capture.Take());
    }

    // The run's garbage goes as soon as its result is sent, while the host reads that result and the settle window runs:
    // the other worker draws its next run's data meanwhile, so the collection no longer stands before that worker's run,
    // as it did at "prepare" (SettleProbe.CollectRunGarbage).
    private void CollectRunGarbage()
    {
        if (_settle is { } settle)
        {
            settle.CollectRunGarbage();
        }
        else
        {
            SettleProbe.Collect();
        }
    }

    private void Unpin()
    {
        if (_pinned)
        {
            CpuPlacement.Release();
            _pinned = false;
        }
    }

    private static ErrorMessage Protocol(string detail) => new("protocol", detail);

    private void Send(WorkerMessage message)
    {
        output.WriteLine(ProtocolLine.Write(message));
        output.Flush();
    }
}
