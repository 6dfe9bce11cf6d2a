namespace RsiSim.Core.Runs;

/// <summary>Whether a run times every candidate or reuses recorded timing distributions.</summary>
public enum MeasurementMode
{
    Live,
    Cached,
}
