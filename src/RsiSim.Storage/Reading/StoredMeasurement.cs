using RsiSim.Core.Trials;

namespace RsiSim.Storage.Reading;

/// <summary>One timed repetition of an attempt's evaluation.</summary>
/// <param name="Trial">The trial.</param>
/// <param name="Attempt">The 1-based attempt.</param>
/// <param name="Side">"baseline" (the reference) or "candidate".</param>
/// <param name="Repetition">1-based, in the order the repetitions ran on that side.</param>
/// <param name="Seconds">The time of the repetition.</param>
public sealed record StoredMeasurement(TrialKey Trial, int Attempt, string Side, int Repetition, double Seconds);
