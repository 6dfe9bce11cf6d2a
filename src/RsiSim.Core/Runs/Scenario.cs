using System.Collections.Immutable;
using RsiSim.Core.Arms;
using RsiSim.Core.Budgets;

namespace RsiSim.Core.Runs;

/// <summary>A validated scenario: which task, which arms, how many trials, what budget.</summary>
public sealed record Scenario
{
    public required string Name { get; init; }

    public required string TaskId { get; init; }

    public required string Size { get; init; }

    /// <summary>Root of every seed in the run: trials, agents' streams and hidden check seeds.</summary>
    public required ulong Seed { get; init; }

    public required int Trials { get; init; }

    public required Budget Budget { get; init; }

    public required ImmutableArray<ArmDefinition> Arms { get; init; }

    /// <summary>How many trials run at once; timed runs never overlap whatever this says.</summary>
    public int Parallel { get; init; } = 1;

    /// <summary>"live" times every candidate; "cached" draws timings of known candidates from the landscape cache.</summary>
    public MeasurementMode Measurement { get; init; } = MeasurementMode.Live;

    public LoopOptions Loop { get; init; } = new();

    /// <summary>The timed pairs of a live run's evaluations (<c>timing</c>); the landscape's own method where measurement is cached.</summary>
    public TimedPairs Timing { get; init; } = new();

    /// <summary>The loop options in force for an arm: its own, else the scenario's.</summary>
    public LoopOptions LoopOf(ArmDefinition arm)
    {
        ArgumentNullException.ThrowIfNull(arm);
        return arm.Loop ?? Loop;
    }
}
