namespace RsiSim.Storage.Reading;

/// <summary>A recorded language-model call with its id and time.</summary>
public sealed record StoredLlmCall(long Id, LlmCallRecord Call, DateTimeOffset CalledAt);
