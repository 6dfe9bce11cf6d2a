using RsiSim.Core.Attempts;
using RsiSim.Reporting.Comparing;
using RsiSim.Reporting.Html;
using RsiSim.Reporting.Tests.Support;

namespace RsiSim.Reporting.Tests.Html;

/// <summary>The report as a reader sees it: opened in headless Chromium, offline.</summary>
public sealed class HtmlReportBrowserTests : KnownRunTest
{
    private static ReportOptions Report => SampleReport.Options;

    [Fact]
    public async Task The_report_opens_in_chromium_and_its_screenshot_is_a_non_blank_picture()
    {
        var files = HtmlReportWriter.Write(await CompareKnownAsync(), Temp.Combine("report.html"), Report);

        await Chromium.ScreenshotAsync(files.HtmlPath, Temp.Combine("screen.png"), Temp.Path);

        var screen = PngPixels.Read(Temp.Combine("screen.png"));
        Assert.Equal((1400, 3000), (screen.Width, screen.Height));
        Assert.True(screen.Colours > 50, $"{screen.Colours} colours: the page looks blank");
        Assert.True(screen.DarkPixels > 2000, $"{screen.DarkPixels} dark pixels: the page shows hardly any text");
    }

    [Fact]
    public async Task Every_chart_is_in_the_page_with_its_title_axis_labels_and_legend_as_svg_text()
    {
        var files = HtmlReportWriter.Write(await CompareKnownAsync(), Temp.Combine("report.html"), Report);

        string dom = await Chromium.DumpDomAsync(files.HtmlPath, Temp.Path);

        var attempts = Dom.SvgTexts(dom, "chart-curve-attempts");
        Assert.Contains("Best-so-far speedup by attempts", attempts);
        Assert.Contains("attempts", attempts);
        Assert.Contains("best speedup (log scale)", attempts);
        Assert.Contains("greedy: median of 3 trial(s)", attempts);
        Assert.Contains("4x", attempts);
        var wall = Dom.SvgTexts(dom, "chart-curve-wall");
        Assert.Contains("wall time (seconds)", wall);
        Assert.Contains("4x: a human expert after 4-8 h (off this axis)", wall);
        Assert.Contains("tokens spent", Dom.SvgTexts(dom, "chart-curve-tokens"));
        Assert.Contains("cost spent ($)", Dom.SvgTexts(dom, "chart-curve-cost"));
        var finals = Dom.SvgTexts(dom, "chart-final-best");
        Assert.Contains("Final best speedup per trial", finals);
        Assert.Contains("random", finals);
        Assert.Contains("mean (average best speedup)", finals);
        var statuses = Dom.SvgTexts(dom, "chart-statuses");
        Assert.Contains("Attempts by status", statuses);
        Assert.Contains("wrong-result", statuses);
        Assert.DoesNotContain("timeout", statuses);
    }

    [Fact]
    public async Task The_tables_in_the_browser_show_the_numbers_in_the_database()
    {
        var (directory, run) = await KnownAsync();
        var files = HtmlReportWriter.Write(ComparisonBuilder.Build([run], Options), Temp.Combine("report.html"), Report);

        string dom = await Chromium.DumpDomAsync(files.HtmlPath, Temp.Path);

        foreach (string arm in new[] { "greedy", "random" })
        {
            var bests = Query<double>(directory, $"SELECT best_speedup FROM trials WHERE arm = '{arm}' ORDER BY best_speedup");
            long valid = Query<long>(directory, $"SELECT count(*) FROM attempts WHERE arm = '{arm}' AND status IN ('improved', 'not-faster')")[0];
            long attempts = Query<long>(directory, $"SELECT count(*) FROM attempts WHERE arm = '{arm}'")[0];
            string row = $"data-arm=\"{arm}\"";
            Assert.Equal(ReportFormat.Speedup(bests.Average()), Dom.Cell(dom, "arms", row, "average-best"));
            Assert.Equal(ReportFormat.Speedup(bests[1]), Dom.Cell(dom, "arms", row, "median-best"));
            Assert.Equal(ReportFormat.Speedup(bests[^1]), Dom.Cell(dom, "arms", row, "max-best"));
            Assert.Equal($"{valid} / {attempts}", Dom.Cell(dom, "arms", row, "valid"));
            Assert.Equal(attempts.ToString(System.Globalization.CultureInfo.InvariantCulture), Dom.Cell(dom, "statuses", row, "attempts"));
        }
        Assert.Equal("3.17x", Dom.Cell(dom, "arms", "data-arm=\"greedy\"", "average-best"));
        Assert.Equal("3", Dom.Cell(dom, "arms", "data-arm=\"greedy\"", "to-2x"));
        Assert.Equal("not reached (1/3 trials)", Dom.Cell(dom, "arms", "data-arm=\"greedy\"", "to-4x"));
        Assert.Equal("1,300", Dom.Cell(dom, "arms", "data-arm=\"greedy\"", "tokens"));
        Assert.Equal("$0.13", Dom.Cell(dom, "arms", "data-arm=\"greedy\"", "cost"));
        Assert.Equal("1.00", Dom.Cell(dom, "pairs", "data-a=\"greedy\" data-b=\"random\"", "p-a-beats-b"));
        Assert.Equal("0.100 (exact)", Dom.Cell(dom, "pairs", "data-a=\"greedy\" data-b=\"random\"", "p-value"));
        Assert.Equal("4.50x", Dom.Cell(dom, "trials", "data-arm=\"greedy\" data-trial=\"0\"", "best"));
        Assert.Equal("no", Dom.Cell(dom, "runs", "data-run=\"known\"", "resumed"));
        Assert.Equal("10.00 ms", Dom.Cell(dom, "runs", "data-run=\"known\"", "reference-time"));
    }

    [Fact]
    public async Task A_run_without_a_valid_attempt_renders_and_says_that_every_speedup_is_1x()
    {
        string directory = await TestRuns.WriteAsync(Temp.Path, "broken", [
            new ScriptedTrial("greedy", 0).Add(AttemptStatus.WrongResult).Add(AttemptStatus.CompileError),
            new ScriptedTrial("greedy", 1).Add(AttemptStatus.AgentError)]);
        var comparison = ComparisonBuilder.Build([await TestRuns.LoadAsync(directory)], Options);
        var files = HtmlReportWriter.Write(comparison, Temp.Combine("broken.html"), Report with { Title = "broken" });

        string dom = await Chromium.DumpDomAsync(files.HtmlPath, Temp.Path);
        await Chromium.ScreenshotAsync(files.HtmlPath, Temp.Combine("broken.png"), Temp.Path, height: 1200);

        Assert.Contains("id=\"nothing-valid\"", dom, StringComparison.Ordinal);
        Assert.Contains("Every best speedup in this report is 1x", dom, StringComparison.Ordinal);
        Assert.Equal("1.00x", Dom.Cell(dom, "arms", "data-arm=\"greedy\"", "average-best"));
        Assert.Equal("0 / 3", Dom.Cell(dom, "arms", "data-arm=\"greedy\"", "valid"));
        Assert.Contains("Best-so-far speedup by attempts", Dom.SvgTexts(dom, "chart-curve-attempts"));
        Assert.True(PngPixels.Read(Temp.Combine("broken.png")).DarkPixels > 500);
    }
}
