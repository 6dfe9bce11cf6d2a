namespace RsiSim.Certification.Loading;

/// <summary>A compiled program that passed the policy, loaded in this process, or the status and reason it was refused.</summary>
/// <param name="Create">Makes a fresh model; null when refused.</param>
/// <param name="Status">Null when loaded; else "compile-error", "policy-violation" or "missing-source".</param>
/// <param name="Detail">Why it was refused.</param>
internal sealed record LoadedProgram(Func<object>? Create, string? Status, string Detail)
{
    public static LoadedProgram Refused(string status, string detail) => new(null, status, detail);
}
