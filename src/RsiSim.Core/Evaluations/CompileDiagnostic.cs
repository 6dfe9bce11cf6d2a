namespace RsiSim.Core.Evaluations;

/// <summary>A compiler error or a policy violation, at its place in the candidate file (1-based).</summary>
public sealed record CompileDiagnostic(int Line, int Column, string Id, string Message)
{
    public override string ToString() => $"({Line},{Column}): {Id}: {Message}";
}
