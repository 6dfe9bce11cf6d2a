using RsiSim.Core.Attempts;
using RsiSim.Reporting.Comparing;
using RsiSim.Reporting.Tests.Support;

namespace RsiSim.Reporting.Tests.Comparing;

public sealed class ComparisonBuilderTests : KnownRunTest
{
    [Fact]
    public async Task The_arm_statistics_are_the_average_median_and_maximum_of_the_trial_bests_in_the_database()
    {
        var (directory, run) = await KnownAsync();

        var comparison = ComparisonBuilder.Build([run], Options);

        foreach (var arm in new[] { "greedy", "random" })
        {
            var stored = Query<double>(directory, $"SELECT best_speedup FROM trials WHERE arm = '{arm}' ORDER BY trial");
            var statistics = comparison.Statistics.Single(s => s.Arm == arm);
            Assert.Equal(stored, statistics.TrialBests);
            Assert.Equal(stored.Average(), statistics.AverageBest, 12);
            Assert.Equal(stored.Max(), statistics.MaxBest);
        }
        var greedy = comparison.Statistics[0];
        Assert.Equal((4.5 + 3.0 + 2.0) / 3, greedy.AverageBest, 12);
        Assert.Equal(3.0, greedy.MedianBest);
        Assert.Equal(1.1, comparison.Statistics[1].MedianBest);
    }

    [Fact]
    public async Task Valid_attempts_are_the_improved_and_not_faster_ones_and_statuses_are_counted_per_arm()
    {
        var (directory, run) = await KnownAsync();

        var comparison = ComparisonBuilder.Build([run], Options);

        var greedy = comparison.Statistics[0];
        Assert.Equal((9, 13), (greedy.ValidAttempts, greedy.Attempts));
        Assert.Equal((3, 7), (comparison.Statistics[1].ValidAttempts, comparison.Statistics[1].Attempts));
        Assert.Equal(Query<long>(directory, "SELECT count(*) FROM attempts WHERE arm = 'greedy' AND status IN ('improved', 'not-faster')")[0], greedy.ValidAttempts);
        Assert.Equal(6, greedy.ByStatus[AttemptStatus.Improved]);
        Assert.Equal(3, greedy.ByStatus[AttemptStatus.NotFaster]);
        Assert.Equal(1, greedy.ByStatus[AttemptStatus.AgentError]);
        Assert.False(greedy.ByStatus.ContainsKey(AttemptStatus.Timeout));
    }

    [Fact]
    public async Task Attempts_to_reach_a_speedup_are_the_median_over_trials_and_not_reached_when_half_never_did()
    {
        var comparison = await CompareKnownAsync();

        var milestones = comparison.Statistics[0].Milestones;

        Assert.Equal([2.0, 4.0, 10.0], milestones.Select(m => m.Target));
        Assert.Equal(3, milestones[0].MedianAttempts);
        Assert.Equal(3, milestones[0].TrialsReached);
        Assert.Null(milestones[1].MedianAttempts);
        Assert.Equal(1, milestones[1].TrialsReached);
        Assert.Equal("not reached (1/3 trials)", ReportFormat.Milestone(milestones[1]));
        Assert.Equal("not reached", ReportFormat.Milestone(milestones[2]));
    }

    [Fact]
    public async Task Tokens_and_cost_are_what_every_trial_spent_in_total()
    {
        var comparison = await CompareKnownAsync();

        Assert.Equal(1300, comparison.Statistics[0].Tokens);
        Assert.Equal(0.13m, comparison.Statistics[0].Cost);
        Assert.Equal("$0.13", ReportFormat.Money(comparison.Statistics[0].Cost));
        Assert.Equal(0, comparison.Statistics[1].Tokens);
    }

    [Fact]
    public async Task The_bootstrap_interval_is_the_same_every_time_and_lies_between_the_smallest_and_largest_trial_best()
    {
        var run = (await KnownAsync()).Run;

        var first = ComparisonBuilder.Build([run], Options).Statistics[0];
        var second = ComparisonBuilder.Build([run], Options).Statistics[0];

        Assert.Equal((first.CiLow, first.CiHigh), (second.CiLow, second.CiHigh));
        Assert.InRange(first.CiLow, 2.0, first.AverageBest);
        Assert.InRange(first.CiHigh, first.AverageBest, 4.5);
    }

    [Fact]
    public async Task Arms_of_several_runs_are_named_run_slash_arm_and_runs_that_share_a_name_are_numbered()
    {
        var run = (await KnownAsync()).Run;
        string other = await TestRuns.WriteAsync(Temp.Path, "other", [new ScriptedTrial("solo", 0).Add(AttemptStatus.Improved, 2)]);

        var comparison = ComparisonBuilder.Build([run, run, await TestRuns.LoadAsync(other)], Options);

        Assert.Equal(["known-1", "known-2", "other"], comparison.Runs.Select(r => r.Label));
        Assert.Equal(["known-1/greedy", "known-1/random", "known-2/greedy", "known-2/random", "other/solo"], comparison.Statistics.Select(s => s.Arm));
        Assert.Equal(10, comparison.Pairs.Count);
    }

    [Fact]
    public async Task Every_pair_of_arms_gets_the_probability_that_the_first_beats_the_second()
    {
        var comparison = await CompareKnownAsync();

        var pair = Assert.Single(comparison.Pairs);

        Assert.Equal(("greedy", "random"), (pair.A, pair.B));
        Assert.Equal(1.0, pair.ProbabilityABeatsB);
        Assert.Equal(0.1, pair.PValue, 12);
        Assert.True(pair.Exact);
    }
}
