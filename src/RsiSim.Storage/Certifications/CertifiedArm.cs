namespace RsiSim.Storage.Certifications;

/// <summary>One arm's best candidate re-measured outside RsiSim's own timing, beside the speedup RsiSim recorded for it.</summary>
/// <param name="Arm">The arm.</param>
/// <param name="Trial">The trial whose best it is (the arm's highest trial best).</param>
/// <param name="CandidateHash">The candidate certified (the reference's hash when the arm never improved).</param>
/// <param name="Status">"certified", or why it was not: "policy-violation", "compile-error", "wrong-result", "crash", "missing-source".</param>
/// <param name="RsiSimSpeedup">The speedup RsiSim recorded: the trial's best, confirmed by a fresh measurement.</param>
/// <param name="RsiSimLow">Lower bound of RsiSim's 95% interval; null when the best is the reference itself.</param>
/// <param name="RsiSimHigh">Upper bound of RsiSim's 95% interval.</param>
/// <param name="ReferenceMedianSeconds">The reference's median time for one training run in the certification, every round's runs together.</param>
/// <param name="CandidateMedianSeconds">The candidate's median time for one training run in the certification, every round's runs together.</param>
/// <param name="CertifiedSpeedup">The median of the rounds' speedups, each the reference's median in the round over the candidate's
/// (with one round, as every certification before 2026-12-07: reference median over candidate median); null unless certified.</param>
/// <param name="Detail">A sentence: what was measured, or why nothing was.</param>
public sealed record CertifiedArm(
    string Arm,
    int Trial,
    string CandidateHash,
    string Status,
    double RsiSimSpeedup,
    double? RsiSimLow,
    double? RsiSimHigh,
    double? ReferenceMedianSeconds,
    double? CandidateMedianSeconds,
    double? CertifiedSpeedup,
    string Detail)
{
    /// <summary>How far apart the two speedups may be, as a share of RsiSim's, and still agree.</summary>
    public const double AgreementTolerance = 0.05;

    public const string CertifiedStatus = "certified";

    /// <summary>Certified over RsiSim's speedup, minus one: +0.08 means the certification measured 8% more; null unless certified.</summary>
    public double? Difference => CertifiedSpeedup is { } certified ? certified / RsiSimSpeedup - 1 : null;

    /// <summary>Whether the two speedups agree within <see cref="AgreementTolerance"/>; null unless certified.</summary>
    public bool? Agrees => Difference is { } difference ? Math.Abs(difference) <= AgreementTolerance : null;
}
