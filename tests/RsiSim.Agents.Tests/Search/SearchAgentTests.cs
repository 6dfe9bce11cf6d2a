using RsiSim.Agents.Tests.Support;
using RsiSim.Core.Attempts;
using RsiSim.Core.Budgets;
using RsiSim.Evaluation.Caching;
using RsiSim.Evaluation.Simulation;
using RsiSim.Tasks.TinyLm;

namespace RsiSim.Agents.Tests.Search;

public sealed class SearchAgentTests
{
    private static LandscapeEvaluator Landscape() => new(new SyntheticLandscape(TinyLmTask.Instance), new MemoryEvaluationCache(), "test-machine");

    [Fact]
    public async Task Best_of_n_draws_n_independent_samples_from_the_reference_and_stops()
    {
        var arm = AgentLoop.Arm("bon", "best-of-n", ("n", 12), ("depth", 5));

        var attempts = await AgentLoop.RunAsync(AgentLoop.Scenario(new Budget(Attempts: 50), 2, arm), Landscape());

        Assert.Equal(24, attempts.Count);
        string reference = RsiSim.Core.Candidates.Candidate.HashOf(TinyLmTask.Instance.ReferenceSource);
        Assert.All(attempts, a => Assert.Equal(reference, a.Attempt.ParentHash));
        Assert.All(attempts, a => Assert.InRange(a.Attempt.Moves.Count, 1, 5));
    }

    [Fact]
    public async Task Evolution_never_proposes_a_composition_twice_and_climbs()
    {
        var arm = AgentLoop.Arm("evo", "evolution", ("islands", 2), ("population", 6));

        var attempts = await AgentLoop.RunAsync(AgentLoop.Scenario(new Budget(Attempts: 60), 2, arm), Landscape());

        foreach (var trial in attempts.GroupBy(a => a.Trial.Index))
        {
            var keys = trial.Select(a => string.Join('+', a.Attempt.Moves)).ToList();
            Assert.Equal(keys.Count, keys.Distinct().Count());
            Assert.True(trial.Last().Attempt.BestSpeedup > 3, $"best only {trial.Last().Attempt.BestSpeedup:0.00}x after 60 attempts");
            Assert.Contains(trial, a => a.Attempt.Moves.Count >= 2 && a.Attempt.Status == AttemptStatus.Improved);
        }
    }

    [Fact]
    public async Task Evolution_records_the_parent_it_bred_from_not_the_trials_best()
    {
        // Without crossover or migration, a child's parent is the reference or an earlier valid candidate of its own island.
        var arm = AgentLoop.Arm("evo", "evolution", ("islands", 3), ("crossoverRate", 0.0), ("migrationInterval", 100_000));

        var attempts = await AgentLoop.RunAsync(AgentLoop.Scenario(new Budget(Attempts: 45), 2, arm), Landscape());

        string reference = RsiSim.Core.Candidates.Candidate.HashOf(TinyLmTask.Instance.ReferenceSource);
        foreach (var trial in attempts.GroupBy(a => a.Trial.Index))
        {
            var list = trial.Select(a => a.Attempt).ToList();
            for (int i = 0; i < list.Count; i++)
            {
                var ownIsland = list.Take(i).Where((a, j) => j % 3 == i % 3 && a.Status.IsValid()).Select(a => a.CandidateHash);
                Assert.Contains(list[i].ParentHash, ownIsland.Append(reference));
            }
            Assert.Contains(list, a => a.ParentHash != reference);
        }
    }

    [Fact]
    public async Task Greedy_keeps_climbing_from_its_best_and_stops_at_a_local_optimum()
    {
        var arm = AgentLoop.Arm("greedy", "greedy");

        var attempts = await AgentLoop.RunAsync(AgentLoop.Scenario(new Budget(Attempts: 400), 1, arm), Landscape());

        var improved = attempts.Where(a => a.Attempt.Status == AttemptStatus.Improved).ToList();
        Assert.True(improved.Count >= 10);
        for (int i = 1; i < improved.Count; i++)
        {
            Assert.True(improved[i].Attempt.Moves.IsSupersetOf(improved[i - 1].Attempt.Moves), "greedy builds on its best");
        }
        Assert.True(attempts.Count < 400, "greedy should have run out of untried moves");
    }
}
