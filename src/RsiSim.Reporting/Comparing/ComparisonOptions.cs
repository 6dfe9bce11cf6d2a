using RsiSim.Core.Tasks;
using RsiSim.Reporting.Curves;
using RsiSim.Reporting.Stats;

namespace RsiSim.Reporting.Comparing;

/// <summary>How to build a comparison.</summary>
public sealed record ComparisonOptions
{
    /// <summary>The tasks, for the reference source that the first improvement of a trial is diffed against; without them that diff is left out.</summary>
    public ITaskCatalog? Tasks { get; init; }

    /// <summary>The axis of the headline curve; null picks attempts.</summary>
    public CurveAxis? PrimaryAxis { get; init; }

    /// <summary>Seed of the bootstrap, so the same runs always give the same intervals.</summary>
    public ulong BootstrapSeed { get; init; } = 20_260_527;

    public int BootstrapResamples { get; init; } = BootstrapInterval.DefaultResamples;
}
