namespace RsiSim.Storage.Reading;

/// <summary>A resume of the run: when, and how many attempts were already recorded.</summary>
public sealed record StoredResume(DateTimeOffset ResumedAt, int AttemptsRecorded);
