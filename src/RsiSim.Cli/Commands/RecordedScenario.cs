using RsiSim.Cli.Infrastructure;
using RsiSim.Core.Runs;
using RsiSim.Scenarios;
using RsiSim.Storage;
using RsiSim.Storage.Reading;

namespace RsiSim.Cli.Commands;

/// <summary>Rebuilds the scenario a run recorded: its YAML as read, with the seed and trial count the run used
/// (which <c>run --seed/--trials</c> may have overridden), refused when it no longer describes that run.</summary>
internal static class RecordedScenario
{
    public static Scenario Load(Composition composition, StoredRun run)
    {
        var manifest = run.Manifest;
        string source = $"the scenario recorded in {Path.Combine(run.Directory, "run.db")}";
        var loaded = new ScenarioLoader(composition.Tasks, composition.Agents).Load(manifest.ScenarioYaml, source);
        if (loaded.Scenario is null)
        {
            throw new UserInputException($"{loaded.FormatMessages().First()} (this rsisim cannot resume a run made by rsisim {manifest.ToolVersion})");
        }
        var scenario = loaded.Scenario with { Seed = manifest.Seed, Trials = manifest.Trials };
        var rebuilt = RunManifest.From(scenario, manifest.ScenarioYaml, manifest.Machine, manifest.MachineId, manifest.ToolVersion);
        if (Difference(manifest, rebuilt) is { } difference)
        {
            throw new UserInputException($"{source} no longer describes the run ({difference}); resume it with rsisim {manifest.ToolVersion}, which made it");
        }
        return scenario;
    }

    private static string? Difference(RunManifest recorded, RunManifest rebuilt) =>
        recorded.Name != rebuilt.Name ? $"name '{rebuilt.Name}' instead of '{recorded.Name}'"
        : recorded.TaskId != rebuilt.TaskId || recorded.Size != rebuilt.Size ? $"task {rebuilt.TaskId}/{rebuilt.Size} instead of {recorded.TaskId}/{recorded.Size}"
        : !recorded.Arms.SequenceEqual(rebuilt.Arms) ? $"arms {Describe(rebuilt)} instead of {Describe(recorded)}"
        : null;

    private static string Describe(RunManifest manifest) => string.Join(", ", manifest.Arms.Select(a => $"{a.Name}: {a.Agent} {a.OptionsJson}"));
}
