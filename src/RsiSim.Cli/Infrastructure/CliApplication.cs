using RsiSim.Cli.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RsiSim.Cli.Infrastructure;

/// <summary>The rsisim command: its commands, Ctrl-C handling and exit codes (0 success, 1 failed run or bad input, 2 usage).</summary>
internal static class CliApplication
{
    public static async Task<int> RunAsync(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        int presses = 0;
        Console.CancelKeyPress += (_, e) =>
        {
            // The first Ctrl-C stops gracefully (the run stays resumable); a second one ends the process.
            if (Interlocked.Increment(ref presses) == 1)
            {
                e.Cancel = true;
                Console.Error.WriteLine("Stopping after the current attempt; press Ctrl-C again to quit at once.");
                cancellation.Cancel();
            }
        };
        if (Console.IsOutputRedirected)
        {
            // Redirected output is read by tools and logs: wide lines rather than wrapped ones.
            AnsiConsole.Console.Profile.Width = 200;
        }
        var app = new CommandApp();
        app.Configure(Configure);
        return await app.RunAsync(CompareCommand.NormaliseArguments(args), cancellation.Token).ConfigureAwait(false);
    }

    public static void Configure(IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.SetApplicationName("rsisim");
        config.SetApplicationVersion(ToolVersion.Text);
        config.SetExceptionHandler((ex, _) => ExitCodes.Report(ex));
        config.AddCommand<RunCommand>("run")
            .WithDescription("Run a scenario: every arm x trial, recorded in a new run folder.")
            .WithExample("run", "scenarios/quickstart.yaml");
        config.AddCommand<ResumeCommand>("resume")
            .WithDescription("Continue a stopped or killed run from its folder: nothing recorded is lost or redone.")
            .WithExample("resume", "runs/20261127T123456Z-quickstart");
        config.AddCommand<ValidateCommand>("validate")
            .WithDescription("Check a scenario file and print every error with its YAML path and line.")
            .WithExample("validate", "scenarios/quickstart.yaml");
        config.AddCommand<EvalCommand>("eval")
            .WithDescription("Evaluate one candidate file: compile, run, check and time it against the reference.")
            .WithExample("eval", "tinylm", "my.cs")
            .WithExample("eval", "tinylm", "my.cs", "--size", "standard", "--json");
        config.AddCommand<TasksCommand>("tasks")
            .WithDescription("List the tasks, or show one task's sizes, checks and moves.")
            .WithExample("tasks")
            .WithExample("tasks", "tinylm")
            .WithExample("tasks", "tinylm", "--compose", "flat-arrays,float32");
        config.AddCommand<CalibrateCommand>("calibrate")
            .WithDescription("Refit persona arms' capabilities to the published figures on this machine's landscape and write the fitted scenario.")
            .WithExample("calibrate", "scenarios/article-replication.yaml")
            .WithExample("calibrate", "scenarios/article-replication.yaml", "--trials", "4", "--out", "fitted.yaml");
        config.AddCommand<ReportCommand>("report")
            .WithDescription("Write a run's HTML report (tables, speedup curves, lineage) with its charts as SVG and PNG.")
            .WithExample("report", "runs/20261127T123456Z-quickstart")
            .WithExample("report", "runs/20261127T123456Z-quickstart", "--out", "quickstart.html");
        config.AddCommand<CompareCommand>("compare")
            .WithDescription("Compare the arms of one or more runs: HTML report, SVG and PNG charts, and the table in the terminal.")
            .WithExample("compare", "runs/20261127T123456Z-quickstart", "runs/20261128T090000Z-quickstart")
            .WithExample("compare", "runs/A", "runs/B", "--out", "ab.html", "--x", "wall");
        config.AddCommand<CertifyCommand>("certify")
            .WithDescription("Re-measure the reference and each arm's best candidate with BenchmarkDotNet; store and print the certified speedups beside RsiSim's.")
            .WithExample("certify", "runs/20261127T123456Z-quickstart")
            .WithExample("certify", "runs/20261127T123456Z-quickstart", "--iterations", "15", "--json");
        config.AddCommand<ExportCommand>("export")
            .WithDescription("Export a run as tidy tables (one row per attempt, one per trial) in CSV or JSON.")
            .WithExample("export", "runs/20261127T123456Z-quickstart", "--format", "csv")
            .WithExample("export", "runs/20261127T123456Z-quickstart", "--format", "json", "--out", "tables");
    }
}
