using RsiSim.Cli.Infrastructure;
using RsiSim.Cli.Rendering;
using RsiSim.Reporting.Comparing;
using RsiSim.Reporting.Curves;
using RsiSim.Reporting.Html;
using RsiSim.Storage.Reading;
using Spectre.Console;

namespace RsiSim.Cli.Commands;

/// <summary>What report and compare share: build the comparison, write the HTML and charts, print the tables and warnings.</summary>
internal static class ReportGeneration
{
    public static int Write(IReadOnlyList<StoredRun> runs, string htmlPath, CurveAxis? axis, IAnsiConsole console)
    {
        using var loggers = Logging.Create(verbose: false);
        using var composition = new Composition(loggers);
        var comparison = ComparisonBuilder.Build(runs, new ComparisonOptions { Tasks = composition.Tasks, PrimaryAxis = axis });
        if (axis is { } wanted && !comparison.Axes.Contains(wanted))
        {
            string recorded = comparison.Axes.Count == 0 ? "none (no attempt was recorded)" : string.Join(", ", comparison.Axes.Select(a => a.ToName()));
            throw new UserInputException($"no run recorded any {wanted.Title()} (every value is zero), so there is no curve against it; recorded: {recorded}");
        }
        var options = new ReportOptions
        {
            Title = string.Join(" vs ", comparison.Runs.Select(r => r.Label)),
            ToolVersion = ToolVersion.Text,
            GeneratedAt = TimeProvider.System.GetUtcNow(),
        };
        string? directory = Path.GetDirectoryName(Path.GetFullPath(htmlPath));
        if (directory is not null && File.Exists(directory))
        {
            throw new UserInputException($"cannot write {htmlPath}: {directory} is a file");
        }
        var files = HtmlReportWriter.Write(comparison, htmlPath, options);
        ComparisonTables.Write(console, comparison);
        console.MarkupLineInterpolated($"Report: [bold]{files.HtmlPath}[/]");
        console.MarkupLineInterpolated($"Charts: {files.ChartDirectory} ({string.Join(", ", files.Charts.Select(c => c.Name))}; .svg and .png)");
        return ExitCodes.Success;
    }
}
