using RsiSim.Core.Candidates;
using RsiSim.Reporting.Comparing;
using RsiSim.Reporting.Tests.Support;

namespace RsiSim.Reporting.Tests.Lineages;

public sealed class LineageBuilderTests : KnownRunTest
{
    [Fact]
    public async Task Each_improved_attempt_is_a_step_with_its_speedup_and_its_diff_against_its_parent()
    {
        var comparison = await CompareKnownAsync();

        var trial = comparison.Lineages.Single(l => l.Arm == "greedy" && l.Trial == 0);

        Assert.Equal([1, 3, 5], trial.Steps.Select(s => s.Attempt));
        Assert.Equal([1.5, 2.5, 4.5], trial.Steps.Select(s => s.Speedup));
        Assert.Equal(4.5, trial.BestSpeedup);
        Assert.Equal(Candidate.HashOf(ScriptedTrial.ReferenceSource), trial.Steps[0].ParentHash);
        Assert.Equal(trial.Steps[0].CandidateHash, trial.Steps[1].ParentHash);
        var diff = trial.Steps[1].Diff!;
        // The scripted candidate appends an empty line and a comment to its parent.
        Assert.Equal((2, 0), (diff.Added, diff.Removed));
        Assert.Contains("+// greedy#0 attempt 3", diff.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("+// greedy#0 attempt 1", diff.Text, StringComparison.Ordinal);
        Assert.Equal(2.5 * 0.95, trial.Steps[1].CiLow!.Value, 12);
    }

    [Fact]
    public async Task The_first_step_is_diffed_against_the_tasks_reference_which_runs_do_not_store()
    {
        var run = (await KnownAsync()).Run;

        var withTasks = ComparisonBuilder.Build([run], Options).Lineages[0].Steps[0];
        var withoutTasks = ComparisonBuilder.Build([run], Options with { Tasks = null }).Lineages[0].Steps[0];

        Assert.False(run.Candidates.ContainsKey(withTasks.ParentHash!));
        Assert.Contains("+// greedy#0 attempt 1", withTasks.Diff!.Text, StringComparison.Ordinal);
        Assert.Null(withoutTasks.Diff);
    }

    [Fact]
    public async Task A_trial_that_never_improved_has_no_step()
    {
        var comparison = await CompareKnownAsync();

        var trial = comparison.Lineages.Single(l => l.Arm == "random" && l.Trial == 2);

        Assert.Empty(trial.Steps);
        Assert.Equal(1.0, trial.BestSpeedup);
    }
}
