namespace RsiSim.Evaluation.Caching;

/// <summary>What makes two evaluations the same: task, size, candidate text, the machine that timed it and how.</summary>
/// <param name="Method">The measurement method's version (<see cref="CurrentMethod"/>): a change to how runs are timed
/// (the workers' JIT settings, the protocol) starts a new cache instead of mixing old timings with new.</param>
public sealed record EvaluationKey(string TaskId, string Size, string CandidateHash, string Machine, string Method = EvaluationKey.CurrentMethod)
{
    /// <summary>Version 2: workers without tiered compilation, one warm-up run, runs left to the scheduler (<see cref="LandscapeMethod"/>).</summary>
    public const string CurrentMethod = "m2";
}
