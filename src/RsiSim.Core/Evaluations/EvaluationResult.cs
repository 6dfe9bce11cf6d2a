using System.Collections.Immutable;

namespace RsiSim.Core.Evaluations;

/// <summary>The outcome of compiling, checking, running and timing one candidate.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Summary">One line an agent can act on: the first compile error, the failed check, the speedup.</param>
/// <param name="Checks">Every correctness check, passed or not (empty when nothing ran).</param>
/// <param name="Diagnostics">Compile errors or policy violations with their places.</param>
/// <param name="Timing">Interleaved timings against the reference; only for candidates that passed.</param>
/// <param name="Output">What the candidate printed, truncated.</param>
public sealed record EvaluationResult(
    EvaluationStatus Status,
    string Summary,
    ImmutableArray<CheckResult> Checks,
    ImmutableArray<CompileDiagnostic> Diagnostics,
    SpeedupMeasurement? Timing,
    string Output = "")
{
    /// <summary>True when this result came from the evaluation cache instead of a fresh measurement.</summary>
    public bool FromCache { get; init; }

    /// <summary>The measured speedup of a candidate that passed, else null.</summary>
    public double? Speedup => Status == EvaluationStatus.Passed ? Timing?.Speedup : null;

    /// <summary>A failed evaluation with a summary and optionally the diagnostics that explain it.</summary>
    public static EvaluationResult Failed(EvaluationStatus status, string summary, IEnumerable<CompileDiagnostic>? diagnostics = null, IEnumerable<CheckResult>? checks = null, string output = "") =>
        new(status, summary, checks is null ? [] : [.. checks], diagnostics is null ? [] : [.. diagnostics], null, output);
}
