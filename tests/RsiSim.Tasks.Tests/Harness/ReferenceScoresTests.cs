using RsiSim.Tasks.Harness;

namespace RsiSim.Tasks.Tests.Harness;

public sealed class ReferenceScoresTests
{
    [Fact]
    public void A_reference_run_is_scored_once_for_its_size_and_seed_and_again_for_another()
    {
        var scores = new ReferenceScores();
        var run = TaskCases.Reference("tinylm").Run("tiny", 5);
        int scored = 0;
        double Score(RunOutput _) => ++scored;

        double first = scores.Of(run, "tiny", 5, Score);
        double again = scores.Of(run, "tiny", 5, Score);
        double otherSeed = scores.Of(run, "tiny", 6, Score);
        double otherSize = scores.Of(run, "small", 6, Score);

        Assert.Equal([1, 1, 2, 3], [first, again, otherSeed, otherSize]);
    }

    [Theory]
    [InlineData("tinylm")]
    [InlineData("tinyconv")]
    public void Checks_after_the_reference_was_anticipated_are_the_checks_without_it(string taskId)
    {
        var task = TaskCases.Task(taskId);
        var reference = TaskCases.Reference(taskId);
        var candidateRun = reference.Run("tiny", 11);
        var plain = task.Harness.Check("tiny", 11, candidateRun, reference.Run("tiny", 11));

        // A reference run anticipated on another seed first (a score that must not be used), then one on its own
        var anticipatedElsewhere = reference.Run("tiny", 11);
        task.Harness.Anticipate("tiny", 12, anticipatedElsewhere);
        var anticipated = reference.Run("tiny", 11);
        task.Harness.Anticipate("tiny", 11, anticipated);

        Assert.Equal(plain, task.Harness.Check("tiny", 11, candidateRun, anticipatedElsewhere));
        Assert.Equal(plain, task.Harness.Check("tiny", 11, candidateRun, anticipated));
        Assert.Contains(plain, c => c.Name == "held-out-loss");
    }
}
