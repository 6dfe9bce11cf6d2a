using RsiSim.Core.Attempts;

namespace RsiSim.Reporting.Tests.Support;

/// <summary>A run with two arms of three trials whose statistics are worked out by hand in the comments.</summary>
internal static class KnownRun
{
    // greedy: bests 4.5, 3.0, 2.0 -> average 3.1667, median 3.0, max 4.5; 9 of 13 attempts valid;
    //         2x first reached at attempts 3, 3, 2 (median 3); 4x only by trial 0, at attempt 5; 100 tokens and $0.01 per attempt.
    // random: bests 1.1, 1.3, 1.0 -> average 1.1333, median 1.1, max 1.3; 3 of 7 attempts valid; no tokens, no cost.
    // Every greedy best beats every random best: U = 9 of 9 pairs, exact two-sided p = 2 / C(6,3) = 0.1.
    public static List<ScriptedTrial> Trials() =>
    [
        Greedy(0).Add(AttemptStatus.Improved, 1.5).Add(AttemptStatus.NotFaster, 1.2).Add(AttemptStatus.Improved, 2.5)
            .Add(AttemptStatus.WrongResult).Add(AttemptStatus.Improved, 4.5),
        Greedy(1).Add(AttemptStatus.Improved, 1.25).Add(AttemptStatus.CompileError).Add(AttemptStatus.Improved, 3.0).Add(AttemptStatus.NotFaster, 2.0),
        Greedy(2).Add(AttemptStatus.WrongResult).Add(AttemptStatus.Improved, 2.0).Add(AttemptStatus.AgentError).Add(AttemptStatus.NotFaster, 1.1),
        new ScriptedTrial("random", 0, 2000).Add(AttemptStatus.WrongResult).Add(AttemptStatus.Improved, 1.1).Add(AttemptStatus.NotFaster, 1.05),
        new ScriptedTrial("random", 1, 2001).Add(AttemptStatus.Improved, 1.3).Add(AttemptStatus.WrongResult),
        new ScriptedTrial("random", 2, 2002).Add(AttemptStatus.CompileError).Add(AttemptStatus.WrongResult),
    ];

    /// <summary>Every greedy attempt spends 100 tokens and one cent, so the curves have tokens and cost axes.</summary>
    private static ScriptedTrial Greedy(int index) => new("greedy", index, 1000 + (ulong)index) { TokensPerAttempt = 100, CostPerAttempt = 0.01m };
}
