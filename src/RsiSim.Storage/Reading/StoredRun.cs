using RsiSim.Core.Candidates;
using RsiSim.Core.Runs;
using RsiSim.Core.Trials;
using RsiSim.Storage.Certifications;

namespace RsiSim.Storage.Reading;

/// <summary>Everything a run folder's database holds, as plain records.</summary>
/// <param name="Directory">The run folder.</param>
/// <param name="Manifest">What the run is.</param>
/// <param name="CreatedAt">When the run started.</param>
/// <param name="Trials">Every trial that started, by arm order then index.</param>
/// <param name="Attempts">Every attempt in commit order (per trial, in attempt order).</param>
/// <param name="Candidates">Every candidate, by hash.</param>
/// <param name="Measurements">Every timed repetition, by attempt.</param>
/// <param name="LlmCalls">Every language-model call, in order.</param>
/// <param name="Resumes">Every resume of the run, in order.</param>
public sealed record StoredRun(
    string Directory,
    RunManifest Manifest,
    DateTimeOffset CreatedAt,
    IReadOnlyList<StoredTrial> Trials,
    IReadOnlyList<StoredAttempt> Attempts,
    IReadOnlyDictionary<string, Candidate> Candidates,
    IReadOnlyList<StoredMeasurement> Measurements,
    IReadOnlyList<StoredLlmCall> LlmCalls,
    IReadOnlyList<StoredResume> Resumes)
{
    /// <summary>Every <c>rsisim certify</c> of the run, oldest first; empty when it was never certified.</summary>
    public IReadOnlyList<RunCertification> Certifications { get; init; } = [];

    /// <summary>The most recent certification, or null.</summary>
    public RunCertification? LatestCertification => Certifications.Count == 0 ? null : Certifications[^1];

    /// <summary>The attempts of one trial, oldest first.</summary>
    public IEnumerable<StoredAttempt> AttemptsOf(TrialKey trial) => Attempts.Where(a => a.Trial == trial);

    /// <summary>Where a resume starts: finished trials, the state of unfinished ones with attempts, and every candidate.</summary>
    /// <param name="reference">The task's reference candidate: the best of a trial that has not improved yet.</param>
    public ResumePoint BuildResumePoint(Candidate reference) => ResumePointBuilder.Build(this, reference);
}
