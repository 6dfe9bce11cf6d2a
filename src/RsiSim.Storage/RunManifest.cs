using System.Collections.Immutable;
using RsiSim.Core.Runs;

namespace RsiSim.Storage;

/// <summary>What a run is: its scenario (as written and as parsed), its arms and the machine and tool that ran it.</summary>
public sealed record RunManifest
{
    public required string Name { get; init; }

    /// <summary>The scenario file's text, exactly as read.</summary>
    public required string ScenarioYaml { get; init; }

    public required string TaskId { get; init; }

    public required string Size { get; init; }

    public required ulong Seed { get; init; }

    public required int Trials { get; init; }

    public required ImmutableArray<RunArm> Arms { get; init; }

    /// <summary>A human description, e.g. "linux-x64, 2 cores, AMD EPYC".</summary>
    public required string Machine { get; init; }

    /// <summary>A stable id of the machine, so timings from different machines are not compared unawares.</summary>
    public required string MachineId { get; init; }

    public required string ToolVersion { get; init; }

    /// <summary>The manifest of a run of <paramref name="scenario"/>.</summary>
    public static RunManifest From(Scenario scenario, string scenarioYaml, string machine, string machineId, string toolVersion)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new RunManifest
        {
            Name = scenario.Name,
            ScenarioYaml = scenarioYaml,
            TaskId = scenario.TaskId,
            Size = scenario.Size,
            Seed = scenario.Seed,
            Trials = scenario.Trials,
            Arms = [.. scenario.Arms.Select(RunArm.From)],
            Machine = machine,
            MachineId = machineId,
            ToolVersion = toolVersion,
        };
    }
}
