using RsiSim.Certification;
using RsiSim.Certification.Measuring;
using Microsoft.Extensions.Logging.Abstractions;

namespace RsiSim.IntegrationTests.Certification;

/// <summary>How a certification shares its runs among rounds and turns them into one speedup.</summary>
public sealed class CertificationRoundsTests
{
    [Fact]
    public void The_measured_iterations_are_shared_among_the_rounds_the_first_taking_one_more_where_they_do_not_divide()
    {
        var options = new CertificationOptions { Iterations = 10, Rounds = 3 };

        Assert.Equal([4, 3, 3], Enumerable.Range(0, 3).Select(options.IterationsIn));
        Assert.Equal([3, 1, 1], Enumerable.Range(0, 3).Select(options.WarmupIn));
        Assert.Equal([0, 0], Enumerable.Range(0, 2).Select(new CertificationOptions { WarmupIterations = 0, Rounds = 2 }.WarmupIn));
    }

    [Fact]
    public void More_rounds_than_measured_iterations_cannot_work()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CertificationOptions { Iterations = 2, Rounds = 3 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new CertificationOptions { Rounds = 0 }.Validate());
        new CertificationOptions { Iterations = 3, Rounds = 3 }.Validate();
    }

    [Fact]
    public void The_order_is_reversed_from_one_round_to_the_next_the_reference_first_in_the_first()
    {
        string[] programs = ["reference", "a", "b"];

        Assert.Equal(["reference", "a", "b"], BenchmarkMeasurer.OrderOf(programs, 0));
        Assert.Equal(["b", "a", "reference"], BenchmarkMeasurer.OrderOf(programs, 1));
        Assert.Equal(["reference", "a", "b"], BenchmarkMeasurer.OrderOf(programs, 2));
    }

    [Fact]
    public void The_certified_speedup_is_the_median_of_the_rounds_ratios_not_the_ratio_of_all_runs_medians()
    {
        // Given a reference slowed in its second round, the candidate measured in the same slow stretch
        var reference = new ProgramTimes([[1.0, 1.0], [2.0, 2.0], [1.0, 1.0]]);
        var candidate = new ProgramTimes([[0.5, 0.5], [1.0, 1.0], [0.4, 0.4]]);

        // Then every round compares the two programs within itself: 2x, 2x and 2.5x, whose median is 2x
        Assert.Equal([2.0, 2.0, 2.5], ProgramTimes.RoundSpeedups(reference, candidate));
        Assert.Equal(2.0, ProgramTimes.Speedup(reference, candidate));
        // where the medians of all runs together give 1.0 / 0.5
        Assert.Equal(1.0, reference.Median);
        Assert.Equal(0.5, candidate.Median);
        // and a round the slow stretch fell on one program alone moves it no more than any one round
        var skewed = new ProgramTimes([[0.5, 0.5], [0.5, 0.5], [0.4, 0.4]]);
        Assert.Equal(2.5, ProgramTimes.Speedup(reference, skewed));
    }

    [Fact]
    public void The_job_says_how_many_rounds_and_warm_ups()
    {
        Assert.Equal(
            "BenchmarkDotNet ShortRun, InProcessNoEmitToolchain, 9 iterations of 1 training run in 3 rounds (the order reversed each round), 3 warm-up in the first, 1 in each later one, outliers kept",
            new BenchmarkMeasurer(new CertificationOptions(), NullLogger.Instance).JobDescription);
        Assert.Equal(
            "BenchmarkDotNet ShortRun, InProcessNoEmitToolchain, 3 warm-up + 5 iterations of 1 training run in 1 round, outliers kept",
            new BenchmarkMeasurer(new CertificationOptions { Iterations = 5, Rounds = 1 }, NullLogger.Instance).JobDescription);
    }
}
