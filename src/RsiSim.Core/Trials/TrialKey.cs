namespace RsiSim.Core.Trials;

/// <summary>Names one trial: its arm and its 0-based index.</summary>
public sealed record TrialKey(string Arm, int Index)
{
    public override string ToString() => $"{Arm}#{Index}";
}
