using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RsiSim.Cli.Commands;

/// <summary><c>rsisim report &lt;run-dir&gt;</c>: one run's HTML report, with its charts as SVG and PNG.</summary>
internal sealed class ReportCommand : AsyncCommand<ReportCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<run-dir>")]
        [Description("The run folder (runs/<time>-<name>).")]
        public string RunDirectory { get; init; } = "";

        [CommandOption("--out <FILE>")]
        [Description("The HTML file to write; charts go to charts/ beside it. Default: <run-dir>/report.html")]
        public string? Out { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var run = await RunFolders.LoadAsync(settings.RunDirectory, cancellationToken).ConfigureAwait(false);
        string html = settings.Out ?? Path.Combine(settings.RunDirectory, "report.html");
        return ReportGeneration.Write([run], html, null, AnsiConsole.Console);
    }
}
