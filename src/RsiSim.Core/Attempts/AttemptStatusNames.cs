using RsiSim.Core.Evaluations;

namespace RsiSim.Core.Attempts;

/// <summary>The kebab-case names statuses have in files, the database and reports.</summary>
public static class AttemptStatusNames
{
    private static readonly Dictionary<AttemptStatus, string> Names = new()
    {
        [AttemptStatus.Improved] = "improved",
        [AttemptStatus.NotFaster] = "not-faster",
        [AttemptStatus.WrongResult] = "wrong-result",
        [AttemptStatus.CompileError] = "compile-error",
        [AttemptStatus.PolicyViolation] = "policy-violation",
        [AttemptStatus.Timeout] = "timeout",
        [AttemptStatus.Crash] = "crash",
        [AttemptStatus.OutOfMemory] = "out-of-memory",
        [AttemptStatus.EditFailed] = "edit-failed",
        [AttemptStatus.AgentError] = "agent-error",
    };

    private static readonly Dictionary<string, AttemptStatus> ByName = Names.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>Every status, in the order reports list them.</summary>
    public static IReadOnlyList<AttemptStatus> All { get; } = Enum.GetValues<AttemptStatus>();

    public static string ToName(this AttemptStatus status) => Names[status];

    public static AttemptStatus Parse(string name) =>
        ByName.TryGetValue(name, out var status) ? status : throw new FormatException($"unknown attempt status '{name}'");

    /// <summary>The name of an evaluation status, as the attempt status it becomes ("passed" for a pass).</summary>
    public static string ToName(this EvaluationStatus status) => status == EvaluationStatus.Passed ? "passed" : ToAttemptStatus(status).ToName();

    /// <summary>The attempt status of a failed evaluation.</summary>
    public static AttemptStatus ToAttemptStatus(this EvaluationStatus status) => status switch
    {
        EvaluationStatus.WrongResult => AttemptStatus.WrongResult,
        EvaluationStatus.CompileError => AttemptStatus.CompileError,
        EvaluationStatus.PolicyViolation => AttemptStatus.PolicyViolation,
        EvaluationStatus.Timeout => AttemptStatus.Timeout,
        EvaluationStatus.Crash => AttemptStatus.Crash,
        EvaluationStatus.OutOfMemory => AttemptStatus.OutOfMemory,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "a passed evaluation is improved or not-faster, decided by the loop"),
    };

    /// <summary>True for statuses whose candidate passed every check.</summary>
    public static bool IsValid(this AttemptStatus status) => status is AttemptStatus.Improved or AttemptStatus.NotFaster;
}
