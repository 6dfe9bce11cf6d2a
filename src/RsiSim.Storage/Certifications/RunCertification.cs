namespace RsiSim.Storage.Certifications;

/// <summary>One <c>rsisim certify</c> of a run: how it measured, and each arm's result.</summary>
/// <param name="CertifiedAt">When the measurement ended.</param>
/// <param name="Seed">The fixed seed of the training run every measurement repeats.</param>
/// <param name="Job">The benchmark job, as BenchmarkDotNet names it, with its toolchain.</param>
/// <param name="ToolVersion">The rsisim that certified.</param>
/// <param name="LoadAverage">The machine's one-minute load average when the measurement started, where the OS tells it.</param>
/// <param name="Arms">Every arm, in scenario order.</param>
public sealed record RunCertification(
    DateTimeOffset CertifiedAt,
    ulong Seed,
    string Job,
    string ToolVersion,
    double? LoadAverage,
    IReadOnlyList<CertifiedArm> Arms);
