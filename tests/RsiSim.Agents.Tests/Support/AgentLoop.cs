using System.Collections.Immutable;
using Microsoft.Extensions.Logging.Abstractions;
using RsiSim.Core.Agents;
using RsiSim.Core.Arms;
using RsiSim.Core.Budgets;
using RsiSim.Core.Evaluations;
using RsiSim.Core.Options;
using RsiSim.Core.Runs;
using RsiSim.Core.Trials;
using RsiSim.Tasks;

namespace RsiSim.Agents.Tests.Support;

/// <summary>Runs arms of real agents through the real loop and keeps every event.</summary>
internal static class AgentLoop
{
    public static ArmDefinition Arm(string name, string agent, params (string Key, object Value)[] options) =>
        new(name, agent, OptionValues.WithDefaults(
            OfflineAgents.Factories.First(f => f.Descriptor.Name == agent).Descriptor.Options,
            options.Select(o => new KeyValuePair<string, object>(o.Key, o.Value))));

    public static Scenario Scenario(Budget budget, int trials, params ArmDefinition[] arms) => new()
    {
        Name = "agents",
        TaskId = "tinylm",
        Size = "tiny",
        Seed = 11,
        Trials = trials,
        Budget = budget,
        Arms = [.. arms],
        Parallel = 2,
    };

    public static async Task<List<AttemptCompleted>> RunAsync(Scenario scenario, IEvaluator evaluator, IServiceProvider? services = null)
    {
        var sink = new KeepingSink();
        var runner = new ExperimentRunner(evaluator, BuiltInTasks.Instance, new AgentCatalog(OfflineAgents.Factories), services ?? new NoServices(), TimeProvider.System, NullLoggerFactory.Instance);
        await runner.RunAsync(scenario, sink, null, TestContext.Current.CancellationToken);
        return [.. sink.Attempts.OrderBy(a => a.Trial.Arm, StringComparer.Ordinal).ThenBy(a => a.Trial.Index).ThenBy(a => a.Attempt.Index)];
    }

    private sealed class KeepingSink : IRunEventSink
    {
        private readonly Lock _gate = new();

        public List<AttemptCompleted> Attempts { get; } = [];

        public ValueTask WriteAsync(RunEvent runEvent, CancellationToken cancellationToken)
        {
            if (runEvent is AttemptCompleted completed)
            {
                lock (_gate)
                {
                    Attempts.Add(completed);
                }
            }
            return ValueTask.CompletedTask;
        }
    }

    private sealed class NoServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
