using System.Collections.Immutable;
using RsiSim.Cli.Rendering;
using RsiSim.Core.Candidates;
using RsiSim.Core.Evaluations;
using RsiSim.Evaluation.Timing;
using RsiSim.Tasks.TinyLm;
using Spectre.Console;

namespace RsiSim.IntegrationTests.Cli;

/// <summary>What <c>rsisim eval</c> prints of a measured speedup.</summary>
public sealed class EvaluationReportTests
{
    [Fact]
    public void An_interval_wider_than_the_precision_is_pointed_out_and_a_narrow_one_is_not()
    {
        string wide = Render(new SpeedupMeasurement(7.5, 6.3, 8.7, [0.45, 0.60, 0.44], [0.06, 0.06, 0.07]));
        string narrow = Render(new SpeedupMeasurement(7.5, 7.4, 7.7, [0.45, 0.45, 0.46], [0.06, 0.06, 0.06]));

        Assert.Contains("speedup: 7.50x (95% CI 6.30-8.70x; median of 3 interleaved runs", wide, StringComparison.Ordinal);
        Assert.Contains("the 95% interval is wider than ±3% of the speedup", wide, StringComparison.Ordinal);
        Assert.Contains("speedup: 7.50x", narrow, StringComparison.Ordinal);
        Assert.DoesNotContain("wider than", narrow, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_gives_the_pairs_made_and_whether_the_interval_was_precise()
    {
        var wide = System.Text.Json.JsonDocument.Parse(Report(new SpeedupMeasurement(7.5, 6.3, 8.7, [0.45, 0.60, 0.44], [0.06, 0.06, 0.07])).ToJson()).RootElement.GetProperty("speedup");
        var narrow = System.Text.Json.JsonDocument.Parse(Report(new SpeedupMeasurement(7.5, 7.4, 7.7, [0.45, 0.45], [0.06, 0.06])).ToJson()).RootElement.GetProperty("speedup");

        Assert.Equal((3, false), (wide.GetProperty("pairs").GetInt32(), wide.GetProperty("precise").GetBoolean()));
        Assert.Equal((2, true), (narrow.GetProperty("pairs").GetInt32(), narrow.GetProperty("precise").GetBoolean()));
    }

    private static EvaluationReport Report(SpeedupMeasurement timing) => new(
        TinyLmTask.Instance, "small", "candidate.cs", Candidate.FromSource("// a candidate"),
        new EvaluationResult(EvaluationStatus.Passed, "passed", [], ImmutableArray<CompileDiagnostic>.Empty, timing, ""), null, TimingOptions.Adaptive());

    private static string Render(SpeedupMeasurement timing)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 400;
        Report(timing).Write(console);
        return writer.ToString();
    }
}
