using System.ComponentModel;
using System.Globalization;
using RsiSim.Agents.Persona;
using RsiSim.Agents.Persona.Calibration;
using RsiSim.Cli.Infrastructure;
using RsiSim.Cli.Rendering;
using RsiSim.Core.Arms;
using RsiSim.Core.Evaluations;
using RsiSim.Core.Options;
using RsiSim.Core.Runs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RsiSim.Cli.Commands;

/// <summary><c>rsisim calibrate &lt;scenario&gt;</c>: refits the capability of every persona arm to its published figure
/// on this machine's landscape, keeps capabilities non-decreasing by model date, and writes the fitted scenario.</summary>
internal sealed class CalibrateCommand : AsyncCommand<CalibrateCommand.Settings>
{
    internal sealed class Settings : ScenarioSettings
    {
        [CommandOption("--out <FILE>")]
        [Description("Where the fitted scenario goes. Default: <scenario>.calibrated.yaml beside the scenario.")]
        public string? Out { get; init; }

        [CommandOption("--steps <N>")]
        [Description("Bisection steps per persona (each runs the arm's trials once). Default: 8.")]
        [DefaultValue(8)]
        public int Steps { get; init; } = 8;

        [CommandOption("--trials <N>")]
        [Description("Trials per try while fitting. Default: the scenario's.")]
        public int? Trials { get; init; }

        [CommandOption("--span <CAPABILITY>")]
        [Description("How far from each arm's current capability the bisection searches, either way (within 0 to 6). Default: 1.5.")]
        [DefaultValue(1.5)]
        public double Span { get; init; } = 1.5;

        [CommandOption("--tolerance <RATIO>")]
        [Description("A persona's search stops at the first try within this ratio of its target (0.1: from 0.91 to 1.1 times it; 0: only an exact hit). Default: 0.1.")]
        [DefaultValue(0.1)]
        public double Tolerance { get; init; } = 0.1;

        public override ValidationResult Validate() =>
            Steps is < 1 or > 30 ? ValidationResult.Error("--steps must be between 1 and 30")
            : Span is <= 0 or > 6 ? ValidationResult.Error("--span must be above 0 and at most 6")
            : Trials is < 1 ? ValidationResult.Error("--trials must be at least 1")
            : Tolerance is < 0 or >= 1 ? ValidationResult.Error("--tolerance must be at least 0 and below 1")
            : ValidationResult.Success();
    }

    /// <summary>The capability range the bisection stays within (the persona option's own bounds).</summary>
    private const double Lowest = 0, Highest = 6;

    /// <summary>The human expert's target: the middle of the published 4 to 8 hours to reach 4x.</summary>
    private const double HumanTargetHours = 6;

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var loggers = Logging.Create(verbose: false);
        using var composition = new Composition(loggers);
        var loaded = ScenarioFiles.Load(composition, settings.Scenario);
        if (loaded.Scenario is not { } scenario)
        {
            return ExitCodes.Failed;
        }
        var targets = Targets(scenario);
        if (targets.Count == 0)
        {
            throw new UserInputException($"{settings.Scenario} has no persona arm with a published figure to fit in the plain loop (compounding 0; profiles: {string.Join(", ", PersonaProfiles.Names)})");
        }
        scenario = scenario with { Trials = settings.Trials ?? scenario.Trials, Measurement = MeasurementMode.Cached };
        var error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        error.MarkupLineInterpolated($"Calibrating {targets.Count} persona arm(s) of {scenario.Name} on this machine's landscape ({scenario.TaskId}/{scenario.Size}, {scenario.Trials} trials per try, cached measurement; a candidate never measured here is measured once, live).");

        var evaluator = composition.CreateRunEvaluator(scenario);
        var runner = new ExperimentRunner(evaluator, composition.Tasks, composition.Agents, new Infrastructure.ServiceRegistry(), TimeProvider.System, composition.LoggerFactory);
        var fitted = new Dictionary<string, CalibrationFit>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            var fit = await PersonaCalibration.FitAsync(
                (capability, ct) => MeasureAsync(runner, scenario, target, capability, ct),
                target.Figure, increasing: !target.IsHuman,
                Math.Max(Lowest, target.Capability - settings.Span), Math.Min(Highest, target.Capability + settings.Span), settings.Steps, settings.Tolerance,
                step => error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {target.Arm.Name}: capability {step.Capability:0.000} -> {Describe(target, step.Measured)} (target {Describe(target, target.Figure)})")),
                cancellationToken).ConfigureAwait(false);
            fitted[target.Arm.Name] = fit;
        }

        // Later models never get a lower capability than earlier ones: pool the violators, then measure the pooled ones again.
        var models = targets.Where(t => !t.IsHuman).OrderBy(t => t.Released, StringComparer.Ordinal).ThenBy(t => fitted[t.Arm.Name].Capability).ToList();
        var ordered = PersonaCalibration.NonDecreasing([.. models.Select(t => fitted[t.Arm.Name].Capability)]);
        for (int i = 0; i < models.Count; i++)
        {
            var fit = fitted[models[i].Arm.Name];
            if (Math.Abs(ordered[i] - fit.Capability) > 1e-9)
            {
                double measured = await MeasureAsync(runner, scenario, models[i], ordered[i], cancellationToken).ConfigureAwait(false);
                fitted[models[i].Arm.Name] = fit with { Capability = ordered[i], Measured = measured };
                error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {models[i].Arm.Name}: pooled with its neighbours by date to capability {ordered[i]:0.000} -> {Describe(models[i], measured)}"));
            }
        }

        string output = settings.Out ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(settings.Scenario))!, Path.GetFileNameWithoutExtension(settings.Scenario) + ".calibrated.yaml");
        CalibratedScenario.Write(settings.Scenario, output, Capabilities(scenario, targets, fitted),
            $"Calibrated by rsisim calibrate on {Environment.MachineName} ({Evaluation.Machine.MachineIdentity.Id}) at {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm}Z, {scenario.Trials} trials per try.");
        Write(targets, fitted);
        AnsiConsole.MarkupLineInterpolated($"Fitted scenario: [bold]{output}[/] (run it with: rsisim run {output})");
        return ExitCodes.Success;
    }

    // The fitted capability of each target arm, and the same for every arm with a compounding loop whose profile a plain
    // arm was fitted for (the first such arm in the scenario): a compounding arm must differ from its plain twin by alpha alone.
    private static Dictionary<string, double> Capabilities(Scenario scenario, List<Target> targets, Dictionary<string, CalibrationFit> fitted)
    {
        var capabilities = fitted.ToDictionary(p => p.Key, p => p.Value.Capability, StringComparer.Ordinal);
        var byProfile = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            byProfile.TryAdd(target.Arm.Options.Text("profile") ?? "", fitted[target.Arm.Name].Capability);
        }
        foreach (var arm in scenario.Arms.Where(a => a.Agent == "persona" && !PublishedComparison.IsPlainLoop(scenario.LoopOf(a).Compounding)))
        {
            if (byProfile.TryGetValue(arm.Options.Text("profile") ?? "", out double capability))
            {
                capabilities[arm.Name] = capability;
            }
        }
        return capabilities;
    }

    /// <param name="Capability">Where the search starts from: the arm's capability option, or its profile's.</param>
    private sealed record Target(ArmDefinition Arm, string Released, double Figure, bool IsHuman, double Capability);

    private static List<Target> Targets(Scenario scenario) =>
    [
        .. from arm in scenario.Arms
           where arm.Agent == "persona" && PublishedComparison.IsPlainLoop(scenario.LoopOf(arm).Compounding)
           let profile = PersonaProfiles.Find(arm.Options.Text("profile") ?? "")
           where profile is not null && (profile.PublishedSpeedup is not null || profile.Name == "human-expert")
           select profile.PublishedSpeedup is { } published
               ? new Target(arm, profile.Released, published, IsHuman: false, arm.Options.Has("capability") ? arm.Options.Number("capability") : profile.Capability)
               : new Target(arm, profile.Released, HumanTargetHours, IsHuman: true, arm.Options.Has("capability") ? arm.Options.Number("capability") : profile.Capability),
    ];

    // Runs the arm's trials with the capability and returns its figure: the mean best, or for the human the median
    // trial's simulated hours to 4x (infinite when the median trial never gets there).
    private static async Task<double> MeasureAsync(ExperimentRunner runner, Scenario scenario, Target target, double capability, CancellationToken cancellationToken)
    {
        var arm = new ArmDefinition(target.Arm.Name, target.Arm.Agent, new OptionValues(
            target.Arm.Options.Names.Where(n => n != "capability").Select(n => new KeyValuePair<string, object>(n, target.Arm.Options.Raw(n)!))
                .Append(new KeyValuePair<string, object>("capability", capability)))) { Loop = target.Arm.Loop };
        var alone = scenario with { Arms = [arm] };
        var counted = new RunProgress(alone, AnsiConsole.Console, lines: false);
        await runner.RunAsync(alone, counted, null, cancellationToken).ConfigureAwait(false);
        var progress = counted.Arms[0];
        return target.IsHuman ? PublishedComparison.MedianHoursToTarget(progress) ?? double.PositiveInfinity : progress.MeanBest;
    }

    private static string Describe(Target target, double figure) =>
        target.IsHuman
            ? double.IsPositiveInfinity(figure) ? "median trial never reaches 4x" : string.Create(CultureInfo.InvariantCulture, $"{figure:0.0} h to 4x")
            : string.Create(CultureInfo.InvariantCulture, $"{figure:0.00}x");

    private static void Write(List<Target> targets, Dictionary<string, CalibrationFit> fitted)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Fitted capabilities")
            .AddColumn("arm").AddColumn("released").AddColumn(new TableColumn("capability").RightAligned())
            .AddColumn(new TableColumn("target").RightAligned()).AddColumn(new TableColumn("measured").RightAligned()).AddColumn(new TableColumn("ratio").RightAligned());
        foreach (var target in targets)
        {
            var fit = fitted[target.Arm.Name];
            table.AddRow(
                Markup.Escape(target.Arm.Name), target.Released,
                fit.Capability.ToString("0.000", CultureInfo.InvariantCulture),
                Markup.Escape(Describe(target, target.Figure)), Markup.Escape(Describe(target, fit.Measured)),
                double.IsFinite(fit.Ratio) ? fit.Ratio.ToString("0.00", CultureInfo.InvariantCulture) : "-");
        }
        AnsiConsole.Write(table);
    }
}
