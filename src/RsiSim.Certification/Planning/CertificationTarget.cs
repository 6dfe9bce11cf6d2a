namespace RsiSim.Certification.Planning;

/// <summary>What to certify for one arm: its best candidate and the speedup RsiSim recorded for it.</summary>
/// <param name="Arm">The arm.</param>
/// <param name="Trial">The trial whose best this is.</param>
/// <param name="CandidateHash">The best candidate's hash.</param>
/// <param name="Source">Its source; null when the run does not hold it.</param>
/// <param name="IsReference">Whether the best is the task's reference (the arm never improved).</param>
/// <param name="RsiSimSpeedup">The trial's best speedup.</param>
/// <param name="RsiSimLow">Lower bound of the 95% interval of the measurement that set it; null for the reference.</param>
/// <param name="RsiSimHigh">Upper bound of that interval.</param>
internal sealed record CertificationTarget(
    string Arm, int Trial, string CandidateHash, string? Source, bool IsReference, double RsiSimSpeedup, double? RsiSimLow, double? RsiSimHigh);
