using System.Text.RegularExpressions;
using RsiSim.Core.Attempts;
using RsiSim.Reporting.Comparing;
using RsiSim.Reporting.Html;
using RsiSim.Reporting.Tests.Support;
using RsiSim.Storage;

namespace RsiSim.Reporting.Tests.Html;

public sealed class HtmlReportWriterTests : KnownRunTest
{
    private static ReportOptions Report => SampleReport.Options;

    [Fact]
    public async Task The_page_needs_no_other_file_and_no_network()
    {
        var files = HtmlReportWriter.Write(await CompareKnownAsync(), Temp.Combine("report.html"), Report);

        string html = await File.ReadAllTextAsync(files.HtmlPath, TestContext.Current.CancellationToken);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(http", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(6, Regex.Count(html, "<svg "));
    }

    [Fact]
    public async Task Ids_stay_unique_when_several_svg_charts_share_the_page()
    {
        var files = HtmlReportWriter.Write(await CompareKnownAsync(), Temp.Combine("report.html"), Report);

        string html = await File.ReadAllTextAsync(files.HtmlPath, TestContext.Current.CancellationToken);

        var ids = Regex.Matches(html, "\\bid=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        foreach (Match reference in Regex.Matches(html, @"url\(#([^)]+)\)"))
        {
            Assert.Contains(reference.Groups[1].Value, ids);
        }
    }

    [Fact]
    public async Task Every_chart_is_written_as_svg_and_as_a_non_blank_png_beside_the_page()
    {
        var files = HtmlReportWriter.Write(await CompareKnownAsync(), Temp.Combine("out", "report.html"), Report);

        Assert.Equal(Temp.Combine("out", "charts"), files.ChartDirectory);
        Assert.Equal(["curve-attempts", "curve-wall", "curve-tokens", "curve-cost", "final-best", "statuses"], files.Charts.Select(c => c.Name));
        foreach (var chart in files.Charts)
        {
            Assert.StartsWith("<?xml", File.ReadAllText(chart.SvgPath), StringComparison.Ordinal);
            var png = PngPixels.Read(chart.PngPath);
            Assert.True(png.Colours > 20 && png.DarkPixels > 300, $"{chart.Name}.png: {png}");
        }
    }

    [Fact]
    public async Task Each_improvement_is_a_collapsed_diff_against_its_parent()
    {
        var files = HtmlReportWriter.Write(await CompareKnownAsync(), Temp.Combine("report.html"), Report);

        string html = await File.ReadAllTextAsync(files.HtmlPath, TestContext.Current.CancellationToken);

        // Six improvements in greedy's trials, two in random's, each diffed against its parent.
        Assert.Equal(8, Regex.Count(html, "<details class=\"diff\">"));
        Assert.Contains("<span class=\"add\">+// greedy#0 attempt 3</span>", html, StringComparison.Ordinal);
        Assert.Contains("trial 2: no improvement, best 1.00x", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resumed_run_says_when_it_was_resumed()
    {
        string directory = await TestRuns.WriteAsync(Temp.Path, "resumed", [new ScriptedTrial("a", 0).Add(AttemptStatus.Improved, 2)], finish: false);
        var store = await SqliteRunStore.OpenAsync(directory, new ManualTime(), TestContext.Current.CancellationToken);
        await store.DisposeAsync();
        var comparison = ComparisonBuilder.Build([await TestRuns.LoadAsync(directory)], Options);

        var files = HtmlReportWriter.Write(comparison, Temp.Combine("report.html"), Report);

        string html = await File.ReadAllTextAsync(files.HtmlPath, TestContext.Current.CancellationToken);
        Assert.Contains("<td class=\"resumed text\">yes, 1 time(s): 2026-11-27 12:00:00Z after 1 attempts</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_whose_trial_made_no_attempt_yet_still_renders_without_curves()
    {
        string directory = await TestRuns.WriteAsync(Temp.Path, "empty", [new ScriptedTrial("a", 0)], finish: false);
        var comparison = ComparisonBuilder.Build([await TestRuns.LoadAsync(directory)], Options);

        var files = HtmlReportWriter.Write(comparison, Temp.Combine("report.html"), Report);

        Assert.Empty(comparison.Axes);
        Assert.Equal(["final-best", "statuses"], files.Charts.Select(c => c.Name));
        string html = await File.ReadAllTextAsync(files.HtmlPath, TestContext.Current.CancellationToken);
        Assert.Contains("<td class=\"valid\">0 / 0</td>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"nothing-valid\"", html, StringComparison.Ordinal);
    }
}
