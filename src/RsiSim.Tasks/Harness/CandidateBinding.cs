namespace RsiSim.Tasks.Harness;

/// <summary>A factory for the candidate's model, or why there is none.</summary>
public sealed record CandidateBinding(Func<object>? Create, string? Error)
{
    public static CandidateBinding Bound(Func<object> create) => new(create, null);

    public static CandidateBinding Failed(string error) => new(null, error);
}
