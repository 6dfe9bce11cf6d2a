using RsiSim.Core.Evaluations;

namespace RsiSim.Evaluation.Sandbox;

/// <summary>Names why a worker died without answering, from its exit code and the last lines it wrote to stderr.</summary>
internal static class WorkerDeath
{
    private const int SigKill = 128 + 9;

    /// <param name="exitCode">The worker's exit code (128 + the signal that ended it).</param>
    /// <param name="stderrTail">The last lines it wrote to stderr.</param>
    /// <param name="memoryKillerMayHaveActed">Whether the kernel's out-of-memory killer ended some process during the worker's life (true when unknown).</param>
    public static WorkerReply Classify(int exitCode, string stderrTail, bool memoryKillerMayHaveActed = true)
    {
        string tail = stderrTail.Trim();
        string said = LastLines(tail) is { Length: > 0 } words ? ": " + words : "";
        if (tail.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase))
        {
            return WorkerReply.Failed(EvaluationStatus.Crash, "stack overflow: the worker process died" + said);
        }
        if (tail.Contains("OutOfMemory", StringComparison.Ordinal) || tail.Contains("out of memory", StringComparison.OrdinalIgnoreCase))
        {
            return WorkerReply.Failed(EvaluationStatus.OutOfMemory, "the worker process ran out of memory" + said);
        }
        if (exitCode == SigKill)
        {
            // The out-of-memory killer sends SIGKILL; so does a person or a supervisor, and that is no fault of the candidate's memory.
            return memoryKillerMayHaveActed
                ? WorkerReply.Failed(EvaluationStatus.OutOfMemory, "the worker process was killed by the system, most likely for its memory use" + said)
                : WorkerReply.Failed(EvaluationStatus.Crash, "the worker process was killed (SIGKILL) by another process; the out-of-memory killer did not act" + said);
        }
        return WorkerReply.Failed(EvaluationStatus.Crash, $"the worker process exited with code {exitCode} without a result" + said);
    }

    // The runtime's own words (the message, the exception), not the stack frames below them.
    private static string LastLines(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith("at ", StringComparison.Ordinal) && l.Trim('-').Length > 0);
        string joined = string.Join(" | ", lines.Take(4));
        return joined.Length > 400 ? joined[..400] + "..." : joined;
    }
}
