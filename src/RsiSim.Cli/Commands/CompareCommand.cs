using System.ComponentModel;
using RsiSim.Reporting.Curves;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RsiSim.Cli.Commands;

/// <summary><c>rsisim compare &lt;run-dir&gt;...</c>: the arms of several runs side by side, in HTML, SVG, PNG and the terminal.</summary>
internal sealed class CompareCommand : AsyncCommand<CompareCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<run-dir>")]
        [Description("Run folders to compare; arms are named run/arm.")]
        public string[] RunDirectories { get; init; } = [];

        [CommandOption("--out <FILE>")]
        [Description("The HTML file to write; charts go to charts/ beside it. Default: compare.html")]
        [DefaultValue("compare.html")]
        public string Out { get; init; } = "compare.html";

        // Spectre.Console.Cli refuses one-letter long names, so the documented --x is rewritten to --x-axis (see NormaliseArguments).
        [CommandOption("-x|--x-axis <AXIS>")]
        [Description("The headline curve's x axis (also --x): attempts, wall, tokens, cost or hours. Default: attempts")]
        [DefaultValue("attempts")]
        public string X { get; init; } = "attempts";

        public override ValidationResult Validate() => CurveAxes.TryParse(X) is null
            ? ValidationResult.Error($"--x must be one of {string.Join(", ", CurveAxes.All.Select(a => a.ToName()))}, not '{X}'")
            : ValidationResult.Success();
    }

    /// <summary>Rewrites the documented <c>--x AXIS</c> and <c>--x=AXIS</c> of <c>rsisim compare</c> to <c>--x-axis</c>.</summary>
    public static string[] NormaliseArguments(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is not ["compare", ..])
        {
            return args;
        }
        return [.. args.Select(a => a == "--x" ? "--x-axis" : a.StartsWith("--x=", StringComparison.Ordinal) ? "--x-axis=" + a[4..] : a)];
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var runs = await RunFolders.LoadAsync(settings.RunDirectories, cancellationToken).ConfigureAwait(false);
        return ReportGeneration.Write(runs, settings.Out, CurveAxes.TryParse(settings.X), AnsiConsole.Console);
    }
}
