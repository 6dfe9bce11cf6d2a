using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Extensions.Logging.Abstractions;
using RsiSim.Agents;
using RsiSim.Agents.Persona;
using RsiSim.Core.Agents;
using RsiSim.Core.Arms;
using RsiSim.Core.Budgets;
using RsiSim.Core.Evaluations;
using RsiSim.Core.Options;
using RsiSim.Core.Runs;
using RsiSim.Evaluation.Caching;
using RsiSim.Evaluation.Simulation;
using RsiSim.Tasks;
using RsiSim.Tasks.TinyLm;

namespace RsiSim.Benchmarks.Simulation;

/// <summary>Simulated attempts with a warm landscape cache: personas of every profile walking tinylm's moves, each
/// attempt a cached draw, through the real trial loop and experiment runner on both cores.</summary>
/// <remarks>
/// One operation is one attempt: each invocation runs exactly <see cref="Attempts"/> of them, as trials of up to 60
/// attempts rotating over the profiles, two lanes at once. The landscape is synthetic (the same rule for every
/// machine) and warmed in the setup, so this measures the simulation machinery: the agents' choices, composing
/// candidates, drawing timings, the loop's budgets and events. The target is 1,000,000 attempts a minute, 60 µs each.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(InProcessConfig))]
public class SimulationThroughputBenchmarks
{
    // In process: nothing here is JIT-sensitive the way a training step is, and building a separate benchmark
    // executable can exceed BenchmarkDotNet's build timeout on a loaded 2-core machine.
    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig() => AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(10));
    }

    public const int Attempts = 20_000;
    private const int Lanes = 2;

    private readonly AgentCatalog _agents = new(OfflineAgents.Factories);
    private ExperimentRunner _runner = null!;
    private int _round;

    [GlobalSetup]
    public void Setup()
    {
        var landscape = new LandscapeEvaluator(new SyntheticLandscape(TinyLmTask.Instance), new MemoryEvaluationCache(), "benchmark");
        _runner = new ExperimentRunner(landscape, BuiltInTasks.Instance, _agents, new NoServices(), TimeProvider.System, NullLoggerFactory.Instance);
        // Warm: every candidate the first rounds meet is recorded and composed once, as on a machine that has run them.
        for (int i = 0; i < 3; i++)
        {
            SimulateAsync().GetAwaiter().GetResult();
        }
        _round = 0;
    }

    [Benchmark(OperationsPerInvoke = Attempts, Description = "persona attempt, warm cache")]
    public int Attempt() => SimulateAsync().GetAwaiter().GetResult();

    private async Task<int> SimulateAsync()
    {
        int round = Interlocked.Increment(ref _round);
        int[] made = await Task.WhenAll(Enumerable.Range(0, Lanes).Select(lane => Task.Run(() => LaneAsync(round, lane)))).ConfigureAwait(false);
        int total = made.Sum();
        return total == Attempts ? total : throw new InvalidOperationException($"made {total} attempts instead of {Attempts}");
    }

    // Trials rotate over the profiles (and the seeds over rounds, so warm runs repeat the same trials) until the lane's
    // share of attempts is spent exactly.
    private async Task<int> LaneAsync(int round, int lane)
    {
        int remaining = Attempts / Lanes;
        var counter = new CountingSink();
        for (int trial = 0; remaining > 0; trial++)
        {
            var profile = PersonaProfiles.All[(trial + lane) % PersonaProfiles.All.Count];
            var scenario = new Scenario
            {
                Name = "throughput",
                TaskId = "tinylm",
                Size = TinyLmSize.Standard.Name,
                Seed = (ulong)(round % 4 * 100_000 + lane * 10_000 + trial),
                Trials = 1,
                Budget = new Budget(Attempts: Math.Min(60, remaining)),
                Arms = [Arm(profile.Name)],
                Measurement = MeasurementMode.Cached,
            };
            int before = counter.Attempts;
            await _runner.RunAsync(scenario, counter, null, CancellationToken.None).ConfigureAwait(false);
            remaining -= counter.Attempts - before;
        }
        return counter.Attempts;
    }

    private ArmDefinition Arm(string profile) => new(profile, "persona", OptionValues.WithDefaults(
        _agents.Find("persona")!.Descriptor.Options, [new KeyValuePair<string, object>("profile", profile)]));

    private sealed class CountingSink : IRunEventSink
    {
        private int _attempts;

        public int Attempts => _attempts;

        public ValueTask WriteAsync(RunEvent runEvent, CancellationToken cancellationToken)
        {
            if (runEvent is AttemptCompleted)
            {
                Interlocked.Increment(ref _attempts);
            }
            return ValueTask.CompletedTask;
        }
    }

    private sealed class NoServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
