using RsiSim.Core.Runs;
using RsiSim.Scenarios.Tests.Fakes;

namespace RsiSim.Scenarios.Tests;

/// <summary><c>timing: { repetitions, mostRepetitions }</c>: how many timed pairs a live run's evaluations make.</summary>
public sealed class ScenarioLoaderTimingTests
{
    private const string Head = "name: t\ntask: tinylm\nbudget: { attempts: 3 }\narms: [{ name: g, agent: greedy }]\n";

    private static ScenarioLoadResult Load(string extra) => TestCatalogs.Loader.Load(Head + extra);

    [Fact]
    public void Without_timing_a_run_makes_exactly_five_pairs()
    {
        var result = Load("");

        Assert.True(result.Succeeded, string.Join("; ", result.FormatMessages()));
        Assert.Equal(new TimedPairs(5, 5), result.Scenario.Timing);
    }

    [Theory]
    [InlineData("timing: { repetitions: 5, mostRepetitions: 20 }", 5, 20)]
    [InlineData("timing: { repetitions: 3 }", 3, 3)]
    [InlineData("timing: { mostRepetitions: 12 }", 5, 12)]
    public void Timing_sets_the_least_and_the_most_pairs(string line, int least, int most)
    {
        var result = Load(line + "\n");

        Assert.True(result.Succeeded, string.Join("; ", result.FormatMessages()));
        Assert.Equal(new TimedPairs(least, most), result.Scenario.Timing);
    }

    [Theory]
    [InlineData("timing: { repetitions: 0 }", "timing.repetitions", "must be at least 1, found 0")]
    [InlineData("timing: { repetitions: 5, mostRepetitions: 101 }", "timing.mostRepetitions", "must be at most 100, found 101")]
    [InlineData("timing: { repetitions: 8, mostRepetitions: 6 }", "timing.mostRepetitions", "mostRepetitions 6 is fewer than repetitions 8")]
    [InlineData("timing: { pairs: 5 }", "timing.pairs", "unknown key 'pairs'")]
    [InlineData("timing: 5", "timing", "expected a mapping such as { repetitions: 5, mostRepetitions: 20 }")]
    [InlineData("measurement: cached\ntiming: { repetitions: 3 }", "timing", "timing applies to live measurement")]
    public void A_bad_timing_is_reported_at_its_path(string lines, string path, string message)
    {
        var result = Load(lines + "\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
