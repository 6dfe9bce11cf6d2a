using RsiSim.Core.Attempts;
using RsiSim.Core.Evaluations;
using RsiSim.Core.Trials;

namespace RsiSim.Storage.Reading;

/// <summary>An attempt read back: the record as written, the evaluation that decided it, and the trial's random state after it.</summary>
public sealed record StoredAttempt(TrialKey Trial, AttemptRecord Record, EvaluationResult? Evaluation, ulong RandomState, DateTimeOffset RecordedAt);
