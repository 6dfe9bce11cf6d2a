using RsiSim.Evaluation.Sandbox;
using RsiSim.Evaluation.Timing;

namespace RsiSim.Evaluation.Caching;

/// <summary>How evaluations kept in the landscape cache are measured: the method its keys name (<see cref="EvaluationKey.CurrentMethod"/>).</summary>
/// <remarks>
/// The landscape keeps the protocol its recordings were made with, so that a candidate measured today and one
/// measured last week are comparable: one warm-up run, pairs in alternating order and the CPUs left to the scheduler.
/// Evaluations that are not kept there (<c>rsisim eval</c>, live runs) warm up twice, run the reference first in every
/// pair and start every run on one CPU (<see cref="TimingOptions"/>, <see cref="SandboxOptions.PlaceRuns"/>), which is
/// steadier (docs/evaluation.md);
/// measuring the landscape that way too is a new method, and a new survey.
/// </remarks>
public static class LandscapeMethod
{
    /// <summary>The timing of a landscape measurement: one warm-up run, then this many timed pairs in alternating order.</summary>
    public static TimingOptions Timing(int repetitions) => new(WarmupRuns: 1, Repetitions: repetitions, AlternateOrder: true);

    /// <summary>The workers of a landscape measurement: default limits, runs left where the scheduler puts them, a 20 ms
    /// settle window after each run (the default until 2026-11-28), and a fresh reference worker for every evaluation (kept
    /// between evaluations by default since 2026-11-28, as its recordings were not).</summary>
    public static SandboxOptions Sandbox => new() { PlaceRuns = false, SettleWindow = TimeSpan.FromMilliseconds(20), KeepReferenceWorker = false };
}
