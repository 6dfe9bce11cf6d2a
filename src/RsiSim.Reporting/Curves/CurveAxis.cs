namespace RsiSim.Reporting.Curves;

/// <summary>What a speedup curve is drawn against: one of the five things a trial spends.</summary>
public enum CurveAxis
{
    Attempts,
    Wall,
    Tokens,
    Cost,
    Hours,
}
