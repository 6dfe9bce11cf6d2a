using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RsiSim.Core.Agents;
using RsiSim.Core.Arms;
using RsiSim.Core.Budgets;
using RsiSim.Core.Evaluations;
using RsiSim.Core.Options;
using RsiSim.Core.Runs;
using RsiSim.Core.Trials;

namespace RsiSim.Core.Tests.Support;

/// <summary>Runs one trial of the real loop against scripted parts.</summary>
internal static class LoopFixture
{
    public static Scenario Scenario(Budget budget, double minimumGain = 0.02, double compounding = 0) => new()
    {
        Name = "loop-test",
        TaskId = "test",
        Size = "small",
        Seed = 42,
        Trials = 1,
        Budget = budget,
        Arms = [new ArmDefinition("arm", "scripted", OptionValues.Empty)],
        Loop = new LoopOptions(minimumGain, compounding),
    };

    public static async Task<(TrialOutcome Outcome, RecordingSink Sink)> RunAsync(
        Scenario scenario, IAgent agent, IEvaluator evaluator, FakeTimeProvider? time = null, TrialState? resume = null, CancellationToken? cancellationToken = null)
    {
        var sink = new RecordingSink();
        var loop = new TrialLoop(evaluator, sink, time ?? new FakeTimeProvider(), NullLogger.Instance);
        var setup = new TrialSetup(scenario, new TestTask(), scenario.Arms[0], 0, ExperimentRunner.TrialSeed(scenario.Seed, 0), agent, _ => null);
        var outcome = await loop.RunAsync(setup, resume, cancellationToken ?? TestContext.Current.CancellationToken);
        return (outcome, sink);
    }
}
