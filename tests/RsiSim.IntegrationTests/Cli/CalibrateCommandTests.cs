using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using RsiSim.IntegrationTests.Support;

namespace RsiSim.IntegrationTests.Cli;

public sealed partial class CalibrateCommandTests
{
    [Fact]
    public async Task The_fitted_scenario_holds_a_capability_that_was_tried_and_running_it_gives_the_fitted_figure()
    {
        using var folder = new TempFolder();
        var cache = new Dictionary<string, string> { ["RSISIM_CACHE"] = Path.Combine(folder.Path, "cache") };
        File.WriteAllText(Path.Combine(folder.Path, "fit.yaml"), """
            name: fit
            task: { id: tinylm, size: tiny }
            seed: 11
            trials: 2
            measurement: cached
            budget: { attempts: 4 }
            arms:
              - { name: sonnet-4, agent: persona, profile: sonnet-4, capability: 1.0 }
            """);

        // A span of 0.35 puts the third try between two decimals' worth of ticks: 1, then 0.825 or 1.175, then 0.7375 or 0.9125 or ...
        var calibrated = await CliProcess.RunAsync(folder.Path, TimeSpan.FromMinutes(5), cache,
            "calibrate", "fit.yaml", "--steps", "3", "--span", "0.35", "--tolerance", "0", "--out", "fitted.yaml");

        Assert.True(calibrated.ExitCode == 0, calibrated.ToString());
        var tries = TryLine().Matches(calibrated.Stderr).Select(m => (Capability: Number(m.Groups[1].Value), Measured: m.Groups[2].Value)).ToList();
        Assert.Equal(3, tries.Count);
        double written = Number(CapabilityLine().Match(File.ReadAllText(Path.Combine(folder.Path, "fitted.yaml"))).Groups[1].Value);
        var chosen = Assert.Single(tries, t => t.Capability == written);

        var run = await CliProcess.RunAsync(folder.Path, TimeSpan.FromMinutes(5), cache, "run", "fitted.yaml", "--out", "runs", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var summary = JsonDocument.Parse(run.Stdout);
        double meanBest = summary.RootElement.GetProperty("published")[0].GetProperty("measuredMeanBest").GetDouble();
        Assert.Equal(chosen.Measured, meanBest.ToString("0.00", CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_compounding_arm_is_left_out_of_the_published_comparison_and_of_calibration()
    {
        using var folder = new TempFolder();
        var cache = new Dictionary<string, string> { ["RSISIM_CACHE"] = Path.Combine(folder.Path, "cache") };
        File.WriteAllText(Path.Combine(folder.Path, "loops.yaml"), """
            name: loops
            task: { id: tinylm, size: tiny }
            seed: 11
            trials: 1
            measurement: cached
            budget: { attempts: 2 }
            arms:
              - { name: plain, agent: persona, profile: sonnet-4 }
              - { name: recursive, agent: persona, profile: sonnet-4, loop: { compounding: 1 } }
            """);
        File.WriteAllText(Path.Combine(folder.Path, "only-recursive.yaml"), """
            name: only-recursive
            task: { id: tinylm, size: tiny }
            seed: 11
            trials: 1
            measurement: cached
            budget: { attempts: 2 }
            arms:
              - { name: recursive, agent: persona, profile: sonnet-4, loop: { compounding: 0.5 } }
            """);

        var run = await CliProcess.RunAsync(folder.Path, TimeSpan.FromMinutes(5), cache, "run", "loops.yaml", "--out", "runs", "--json");
        var refused = await CliProcess.RunAsync(folder.Path, TimeSpan.FromMinutes(1), cache, "calibrate", "only-recursive.yaml");
        var calibrated = await CliProcess.RunAsync(folder.Path, TimeSpan.FromMinutes(5), cache,
            "calibrate", "loops.yaml", "--steps", "2", "--span", "0.35", "--tolerance", "0", "--out", "fitted.yaml");

        // The published comparison names the plain arm alone, and says which arm it left out
        Assert.True(run.ExitCode == 0, run.ToString());
        using var summary = JsonDocument.Parse(run.Stdout);
        var compared = summary.RootElement.GetProperty("published").EnumerateArray().Select(r => r.GetProperty("arm").GetString()).ToList();
        Assert.Equal(["plain"], compared);
        Assert.Equal(["recursive"], summary.RootElement.GetProperty("notComparedCompounding").EnumerateArray().Select(a => a.GetString()));
        // calibrate refuses a scenario with no plain arm to fit, fits only the plain arm, and gives its compounding twin the same capability
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("no persona arm with a published figure to fit in the plain loop", refused.Stderr, StringComparison.Ordinal);
        Assert.True(calibrated.ExitCode == 0, calibrated.ToString());
        Assert.DoesNotContain("recursive: capability", calibrated.Stderr, StringComparison.Ordinal);
        var written = CapabilityLine().Matches(File.ReadAllText(Path.Combine(folder.Path, "fitted.yaml"))).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, written.Count);
        Assert.Equal(written[0], written[1]);
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"sonnet-4: capability (\d+(?:\.\d+)?) -> (\d+\.\d\d)x")]
    private static partial Regex TryLine();

    [GeneratedRegex(@"capability: (\d+(?:\.\d+)?)")]
    private static partial Regex CapabilityLine();
}
