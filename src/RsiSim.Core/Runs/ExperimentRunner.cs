using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using RsiSim.Core.Agents;
using RsiSim.Core.Candidates;
using RsiSim.Core.Evaluations;
using RsiSim.Core.Randomness;
using RsiSim.Core.Tasks;
using RsiSim.Core.Trials;

namespace RsiSim.Core.Runs;

/// <summary>Runs every arm × trial of a scenario, a bounded number at once, and reports every event to a sink.</summary>
public sealed class ExperimentRunner(
    IEvaluator evaluator,
    ITaskCatalog tasks,
    IAgentCatalog agents,
    IServiceProvider services,
    TimeProvider time,
    ILoggerFactory loggerFactory)
{
    /// <summary>Runs the scenario; trials in <paramref name="resume"/> continue from their state, those in <paramref name="skip"/> are done.</summary>
    public async Task<IReadOnlyList<TrialOutcome>> RunAsync(
        Scenario scenario,
        IRunEventSink sink,
        ResumePoint? resume,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(sink);
        var task = tasks.Find(scenario.TaskId) ?? throw new InvalidOperationException($"unknown task '{scenario.TaskId}'");
        var candidates = new ConcurrentDictionary<string, Candidate>(StringComparer.Ordinal);
        foreach (var known in resume?.Candidates ?? [])
        {
            candidates.TryAdd(known.Hash, known);
        }
        var reference = Candidate.FromSource(task.ReferenceSource);
        candidates.TryAdd(reference.Hash, reference);
        var recording = new CandidateCollectingSink(sink, candidates);
        var loop = new TrialLoop(evaluator, recording, time, loggerFactory.CreateLogger<TrialLoop>());

        // Trial 0 of every arm first, then trial 1, ...: a run stopped early is still balanced across arms.
        var keys = Enumerable.Range(0, scenario.Trials)
            .SelectMany(i => scenario.Arms.Select(a => (Arm: a, Index: i)))
            .Where(k => resume?.Finished.Contains(new TrialKey(k.Arm.Name, k.Index)) != true)
            .ToList();
        var outcomes = new ConcurrentBag<TrialOutcome>();
        await Parallel.ForEachAsync(
            keys,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, scenario.Parallel), CancellationToken = cancellationToken },
            async (key, ct) =>
            {
                var factory = agents.Find(key.Arm.Agent) ?? throw new InvalidOperationException($"unknown agent '{key.Arm.Agent}'");
                var agent = factory.Create(new AgentCreation(key.Arm, task, scenario.Size, key.Index, services));
                var setup = new TrialSetup(scenario, task, key.Arm, key.Index, TrialSeed(scenario.Seed, key.Index), agent, h => candidates.GetValueOrDefault(h));
                TrialState? state = null;
                resume?.Trials.TryGetValue(setup.Key, out state);
                outcomes.Add(await loop.RunAsync(setup, state, ct).ConfigureAwait(false));
            }).ConfigureAwait(false);
        return [.. outcomes.OrderBy(o => scenario.Arms.IndexOf(scenario.Arms.First(a => a.Name == o.Trial.Arm))).ThenBy(o => o.Trial.Index)];
    }

    /// <summary>A trial's seed: the same for every arm, so arms meet the same hidden checks.</summary>
    public static ulong TrialSeed(ulong scenarioSeed, int index) => SplitMix64.Derive(scenarioSeed, "trial", index);

    private sealed class CandidateCollectingSink(IRunEventSink inner, ConcurrentDictionary<string, Candidate> candidates) : IRunEventSink
    {
        public ValueTask WriteAsync(RunEvent runEvent, CancellationToken cancellationToken)
        {
            if (runEvent is AttemptCompleted { Candidate: { } candidate })
            {
                candidates.TryAdd(candidate.Hash, candidate);
            }
            return inner.WriteAsync(runEvent, cancellationToken);
        }
    }
}
