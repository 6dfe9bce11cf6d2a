using Microsoft.Extensions.Logging;
using RsiSim.Agents.Llm;
using RsiSim.Agents;
using RsiSim.Core.Agents;
using RsiSim.Core.Evaluations;
using RsiSim.Core.Randomness;
using RsiSim.Core.Runs;
using RsiSim.Core.Tasks;
using RsiSim.Evaluation.Caching;
using RsiSim.Evaluation.Compilation;
using RsiSim.Evaluation.Machine;
using RsiSim.Evaluation.Policy;
using RsiSim.Evaluation.Running;
using RsiSim.Evaluation.Sandbox;
using RsiSim.Evaluation.Simulation;
using RsiSim.Evaluation.Timing;
using RsiSim.Evaluation;
using RsiSim.Tasks;

namespace RsiSim.Cli.Infrastructure;

/// <summary>Wires the parts of RsiSim together; the only place that knows every concrete type.</summary>
internal sealed class Composition(ILoggerFactory loggerFactory) : IDisposable
{
    private readonly TimingGate _gate = new();
    private readonly CandidateCompiler _compiler = new();
    private readonly List<WorkerCandidateRunner> _runners = [];

    public ITaskCatalog Tasks { get; } = BuiltInTasks.Instance;

    public IAgentCatalog Agents { get; } = new AgentCatalog([.. OfflineAgents.Factories, new LlmAgentFactory(loggerFactory, TimeProvider.System)]);

    public ILoggerFactory LoggerFactory => loggerFactory;

    /// <summary>The one Roslyn compiler of the process, warm and caching images by source hash.</summary>
    public CandidateCompiler Compiler => _compiler;

    /// <summary>The evaluator every command uses: Roslyn, the static policy, candidates in sandboxed worker processes.</summary>
    public CandidateEvaluator CreateEvaluator(TimingOptions timing, IEvaluationCache? cache = null, ICandidateRunner? runner = null) => new(
        Tasks,
        _compiler,
        CandidatePolicy.Default,
        runner ?? Sandboxed(new SandboxOptions()),
        new TimingProtocol(timing),
        cache ?? new MemoryEvaluationCache(),
        _gate,
        loggerFactory.CreateLogger<CandidateEvaluator>());

    /// <summary>The evaluator of a run: live (every candidate timed, once per run), or cached (timings drawn from the
    /// landscape cache, a candidate never seen on this machine measured live once and kept there, against reference
    /// runs shared by every candidate the process measures).</summary>
    public IEvaluator CreateRunEvaluator(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.Measurement != MeasurementMode.Cached)
        {
            return CreateEvaluator(new TimingOptions(Repetitions: scenario.Timing.Repetitions, MostRepetitions: scenario.Timing.MostRepetitions));
        }
        // Three timed runs per candidate after one warm-up, by the landscape's method: the recorded distribution that later runs resample.
        var timing = LandscapeMethod.Timing(repetitions: 3);
        var landscape = CreateEvaluator(timing, runner: new SharedBaselineRunner(Sandboxed(LandscapeMethod.Sandbox), warmupRuns: timing.WarmupRuns));
        return new LandscapeEvaluator(landscape, PersistentCache(), MachineIdentity.Id, LandscapeSeed);
    }

    /// <summary>The hidden seed of this machine's landscape measurements: fixed per machine, so reference runs are shared.</summary>
    private static ulong LandscapeSeed => SplitMix64.Derive(0x5EED_1A4D_5CA9_E000UL, "landscape:" + MachineIdentity.Id);

    /// <summary>The evaluation cache kept on disk per machine (see docs/architecture.md): the landscape cache.</summary>
    public static IEvaluationCache PersistentCache() => new FileEvaluationCache(Path.Combine(CacheDirectory.Path, "evaluations"));

    /// <summary>A runner of sandboxed workers, stopped with this composition (it keeps the reference's worker between
    /// evaluations).</summary>
    public WorkerCandidateRunner Sandboxed(SandboxOptions options)
    {
        var runner = new WorkerCandidateRunner(options);
        lock (_runners)
        {
            _runners.Add(runner);
        }
        return runner;
    }

    public ITask FindTask(string id) => Tasks.Find(id)
        ?? throw new UserInputException($"unknown task '{id}'; known tasks: {string.Join(", ", Tasks.All.Select(t => t.Id))}");

    public void Dispose()
    {
        lock (_runners)
        {
            foreach (var runner in _runners)
            {
                runner.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            _runners.Clear();
        }
        _gate.Dispose();
    }
}
