using System.ComponentModel;
using RsiSim.Cli.Infrastructure;
using RsiSim.Reporting.Export;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RsiSim.Cli.Commands;

/// <summary><c>rsisim export &lt;run-dir&gt; --format csv|json</c>: a run as tidy tables, one row per attempt and one per trial.</summary>
internal sealed class ExportCommand : AsyncCommand<ExportCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<run-dir>")]
        [Description("The run folder (runs/<time>-<name>).")]
        public string RunDirectory { get; init; } = "";

        [CommandOption("--format <FORMAT>")]
        [Description("csv or json (columns: docs/export-format.md).")]
        public string? Format { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Folder for attempts.<ext> and trials.<ext>. Default: <run-dir>/export")]
        public string? Out { get; init; }

        public override ValidationResult Validate() => Format?.ToLowerInvariant() switch
        {
            null => ValidationResult.Error("--format is required: csv or json"),
            "csv" or "json" => ValidationResult.Success(),
            _ => ValidationResult.Error($"--format must be csv or json, not '{Format}'"),
        };
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var run = await RunFolders.LoadAsync(settings.RunDirectory, cancellationToken).ConfigureAwait(false);
        var format = string.Equals(settings.Format, "json", StringComparison.OrdinalIgnoreCase) ? ExportFormat.Json : ExportFormat.Csv;
        string directory = settings.Out ?? Path.Combine(settings.RunDirectory, "export");
        if (File.Exists(directory))
        {
            throw new UserInputException($"cannot export into {directory}: it is a file");
        }
        foreach (string file in RunExporter.Export(run, format, directory))
        {
            AnsiConsole.MarkupLineInterpolated($"Wrote {file}");
        }
        return ExitCodes.Success;
    }
}
