using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RsiSim.Agents.Llm.Recording;
using RsiSim.Agents.Llm.Replay;
using RsiSim.Cli.Infrastructure;
using RsiSim.Core.Agents;
using RsiSim.Core.Arms;
using RsiSim.Core.Budgets;
using RsiSim.Core.Runs;
using RsiSim.Evaluation;
using RsiSim.Evaluation.Caching;
using RsiSim.Evaluation.Compilation;
using RsiSim.Evaluation.Running;
using RsiSim.Evaluation.Timing;
using RsiSim.Storage;
using RsiSim.Storage.Reading;
using RsiSim.Tasks;

namespace RsiSim.Agents.Llm.Tests.Support;

/// <summary>The real loop on tinylm/tiny: ExperimentRunner, the real evaluator (compile, check, time) and a real run store with the CLI's adapters.</summary>
internal static class LlmLoop
{
    // Timed runs of tests running in parallel must not overlap, as in a real run.

    public static Scenario Scenario(ArmDefinition arm, Budget budget, int trials = 1) => new()
    {
        Name = "llm-loop",
        TaskId = "tinylm",
        Size = "tiny",
        Seed = 42,
        Trials = trials,
        Budget = budget,
        Arms = [arm],
    };

    /// <summary>Runs the scenario into a new run folder and reads back everything it recorded.</summary>
    public static async Task<StoredRun> RunAsync(Scenario scenario, string runDirectory, LlmAgentFactory? factory = null, ILoggerFactory? loggers = null)
    {
        var ct = TestContext.Current.CancellationToken;
        loggers ??= NullLoggerFactory.Instance;
        var manifest = RunManifest.From(scenario, "name: llm-loop", "test machine", "test", "test");
        var store = await SqliteRunStore.CreateAsync(runDirectory, manifest, TimeProvider.System, ct);
        await using var evaluator = Evaluator();
        await using (store)
        {
            var services = new ServiceRegistry()
                .Add<ILlmCallRecorder>(new StoreLlmCallRecorder(store))
                .Add<ILlmReplaySource>(new StoredRunReplaySource());
            var runner = new ExperimentRunner(
                evaluator, BuiltInTasks.Instance, new AgentCatalog([factory ?? LlmArms.Factory(loggers)]), services, TimeProvider.System, loggers);
            await runner.RunAsync(scenario, store, null, ct);
        }
        return await RunStoreReader.LoadAsync(runDirectory, ct);
    }

    // Candidates run where users' do: in the sandboxed worker processes.
    private static CandidateEvaluator Evaluator() =>
        CandidateEvaluator.Create(new EvaluatorOptions { Timing = new TimingOptions(WarmupRuns: 2, Repetitions: 7) });
}
