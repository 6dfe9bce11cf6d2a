using RsiSim.Core.Attempts;
using RsiSim.Core.Candidates;
using RsiSim.Core.Evaluations;
using RsiSim.Core.Trials;

namespace RsiSim.Core.Runs;

/// <summary>Something that happened in a run; the store, the event log and the progress display all consume these.</summary>
public abstract record RunEvent(TrialKey Trial);

/// <summary>A trial began (or resumed) with this seed.</summary>
public sealed record TrialStarted(TrialKey Trial, ulong Seed, bool Resumed) : RunEvent(Trial);

/// <summary>An attempt ended; recorded in one transaction with its candidate and evaluation.</summary>
/// <param name="Trial">The trial.</param>
/// <param name="Attempt">The attempt.</param>
/// <param name="Candidate">The proposed candidate, if any.</param>
/// <param name="Evaluation">The evaluation that decided the status (the confirmation, for a new best).</param>
/// <param name="RandomState">The trial's random stream after this attempt, so that a resume continues it.</param>
public sealed record AttemptCompleted(TrialKey Trial, AttemptRecord Attempt, Candidate? Candidate, EvaluationResult? Evaluation, ulong RandomState) : RunEvent(Trial);

/// <summary>A trial ended.</summary>
public sealed record TrialFinished(TrialKey Trial, TrialOutcome Outcome) : RunEvent(Trial);
