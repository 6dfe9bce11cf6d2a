using System.Globalization;
using RsiSim.Evaluation.Running;
using RsiSim.Evaluation.Sandbox;
using RsiSim.Evaluation.Timing;
using RsiSim.Tasks.TinyLm;
using RsiSim.Worker.Protocol;

namespace RsiSim.Evaluation.Tests.Sandbox;

/// <summary>Every run of an evaluation, of either program, starts on the same CPU, and every run is free to use all of them.</summary>
public sealed class RunPlacementTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static SessionRequest Request => new(TinyLmTask.Instance, TinyLmSize.Tiny.Name, Programs.Image(Programs.Reference), Programs.Image(Programs.Reference));

    [Fact]
    public async Task The_timing_protocol_gives_every_run_of_both_sides_the_last_cpus_place()
    {
        // Given a session whose runs are placed
        await using var runner = new WorkerCandidateRunner(new SandboxOptions { PlaceRuns = true });
        var opening = await runner.OpenAsync(Request, Cancellation);
        await using var session = Assert.IsType<WorkerSession>(opening.Session);

        // When the timing protocol measures two warm-up pairs and three timed pairs, the reference first in each
        var result = await new TimingProtocol(new TimingOptions(WarmupRuns: 2, Repetitions: 3)).MeasureAsync(session, (_, _, _) => [], 11, Cancellation);

        // Then every preparation of either side named the last CPU's place, whichever side ran first and whether it was prepared ahead
        Assert.True(result.Timing is not null, result.Summary);
        Assert.Equal(10, session.Placements.Count);
        Assert.All(session.Placements, p => Assert.Equal(Environment.ProcessorCount - 1, p.Place));
        Assert.True(session.PreparedAhead > 0);
    }

    [Fact]
    public async Task Without_placement_no_preparation_names_a_place()
    {
        await using var runner = new WorkerCandidateRunner(new SandboxOptions { PlaceRuns = false });
        var opening = await runner.OpenAsync(Request, Cancellation);
        await using var session = Assert.IsType<WorkerSession>(opening.Session);

        var result = await new TimingProtocol(new TimingOptions(WarmupRuns: 1, Repetitions: 2)).MeasureAsync(session, (_, _, _) => [], 11, Cancellation);

        Assert.True(result.Timing is not null, result.Summary);
        Assert.Equal(6, session.Placements.Count);
        Assert.All(session.Placements, p => Assert.Null(p.Place));
    }

    [Fact]
    public async Task A_placed_worker_waits_for_its_run_on_the_cpu_of_its_place_and_runs_free_to_use_every_cpu()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "CPU placement is Linux's sched_setaffinity");
        var options = new SandboxOptions();
        await using var worker = await WorkerProcess.StartAsync(options, Cancellation);
        int[] allowed = AllowedCpus(worker.Id);
        Assert.SkipWhen(allowed.Length < 2, "one CPU: nothing to place");
        Assert.IsType<LoadedMessage>((await worker.LoadAsync(TinyLmTask.Instance.Id, TinyLmSize.Tiny.Name, Programs.Image(Programs.Reference), options.OutputLimit, Timeout, Cancellation)).Message);

        // A preparation placed at 1 leaves the worker's loop thread on the second allowed CPU alone while it waits
        Assert.IsType<PreparedMessage>((await worker.RequestAsync(new PrepareMessage(3, Place: 1), Timeout, Cancellation)).Message);
        Assert.Equal([allowed[1]], AllowedCpus(worker.Id));

        // and one without a place lets it go again
        Assert.IsType<PreparedMessage>((await worker.RequestAsync(new PrepareMessage(3), Timeout, Cancellation)).Message);
        Assert.Equal(allowed, AllowedCpus(worker.Id));

        // A place past the last CPU goes round them; the run itself may use every CPU again
        Assert.IsType<PreparedMessage>((await worker.RequestAsync(new PrepareMessage(3, Place: allowed.Length), Timeout, Cancellation)).Message);
        Assert.Equal([allowed[0]], AllowedCpus(worker.Id));
        Assert.True((await worker.SendAsync(new RunMessage(), Cancellation)).Succeeded);
        Assert.IsType<RanMessage>((await worker.ReceiveAsync(Timeout, Cancellation)).Message);
        Assert.Equal(allowed, AllowedCpus(worker.Id));
        Assert.IsType<ResultMessage>((await worker.ReceiveAsync(Timeout, Cancellation)).Message);
    }

    [Fact]
    public async Task A_placed_run_and_the_threads_it_starts_may_use_every_cpu()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "CPU placement is Linux's sched_setaffinity");
        int[] allowed = AllowedCpus(Environment.ProcessId);
        Assert.SkipWhen(allowed.Length < 2, "one CPU: nothing to place");
        // Given a candidate that prints, as it starts, the CPUs its own thread and a thread it starts may use
        const string Print = "System.Console.WriteLine(System.IO.File.ReadLines(\"/proc/thread-self/status\").Single(l => l.StartsWith(\"Cpus_allowed_list:\", System.StringComparison.Ordinal)));";
        string candidate = Programs.ReferenceInitializingWith($"        {Print} var started = new System.Threading.Thread(() => {{ {Print} }}); started.Start(); started.Join();");
        var request = new SessionRequest(TinyLmTask.Instance, TinyLmSize.Tiny.Name, Programs.Image(Programs.Reference), Programs.Image(candidate));
        await using var runner = new WorkerCandidateRunner(new SandboxOptions { PlaceRuns = true });
        var opening = await runner.OpenAsync(request, Cancellation);
        await using var session = Assert.IsType<WorkerSession>(opening.Session);

        // When two pairs run, placed
        var runs = new List<TimedRun>();
        for (ulong seed = 1; seed <= 2; seed++)
        {
            await session.RunAsync(RunSide.Baseline, seed, Timeout, Cancellation);
            runs.Add(await session.RunAsync(RunSide.Candidate, seed, Timeout, Cancellation));
        }

        // Then in each run both threads were free to use every CPU the worker was given
        Assert.All(runs, run =>
        {
            Assert.True(run.Succeeded, run.Detail);
            var printed = run.CapturedOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, printed.Length);
            Assert.All(printed, line => Assert.Equal(allowed, ParseCpuList(line)));
        });
        Assert.All(session.Placements, p => Assert.Equal(Environment.ProcessorCount - 1, p.Place));
    }

    // The CPUs the worker's loop thread (its first thread) may run on, as the kernel reports them: "0-1", "0,2-3".
    private static int[] AllowedCpus(int pid) =>
        ParseCpuList(File.ReadLines($"/proc/{pid}/task/{pid}/status").Single(l => l.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal)));

    // "Cpus_allowed_list:\t0-1" or "Cpus_allowed_list:\t0,2-3" → the CPUs listed.
    private static int[] ParseCpuList(string line)
    {
        Assert.StartsWith("Cpus_allowed_list:", line, StringComparison.Ordinal);
        return [.. line["Cpus_allowed_list:".Length..].Trim().Split(',').SelectMany(Range)];

        static IEnumerable<int> Range(string part)
        {
            var bounds = part.Split('-').Select(b => int.Parse(b, CultureInfo.InvariantCulture)).ToArray();
            return Enumerable.Range(bounds[0], bounds[^1] - bounds[0] + 1);
        }
    }
}
