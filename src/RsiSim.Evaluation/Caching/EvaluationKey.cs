namespace RsiSim.Evaluation.Caching;

/// <summary>What makes two evaluations the same: task, size, candidate text, the machine that timed it and how.</summary>
/// <param name="Method">The measurement method's version (<see cref="CurrentMethod"/>): a change to how runs are timed
/// (the workers' JIT settings, the protocol) starts a new cache instead of mixing old timings with new.</param>
public sealed record EvaluationKey(string TaskId, string Size, string CandidateHash, string Machine, string Method = EvaluationKey.CurrentMethod)
{
    /// <summary>Version 2: workers without tiered compilation, one warm-up run, runs left to the scheduler (<see cref="LandscapeMethod"/>).</summary>
    /// <remarks>Kept through protocol 4 (2026-11-28), which changed what happens between runs, not the timed region: the
    /// results' doubles through a file, the checks during the settle, less JIT work in each worker. Side by side with the
    /// commit before it the mid-way candidate measured 5.27x to 5.43x against 5.23x to 5.65x (with <c>rsisim eval</c>'s
    /// settings; docs/evaluation.md). The machine itself later measured the same pair at 7.0x to 7.2x with either build.</remarks>
    public const string CurrentMethod = "m2";
}
