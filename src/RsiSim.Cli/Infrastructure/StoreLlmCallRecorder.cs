using RsiSim.Agents.Llm.Recording;
using RsiSim.Core.Trials;
using RsiSim.Storage;

namespace RsiSim.Cli.Infrastructure;

/// <summary>Records the llm agent's calls in the run's database (table llm_calls).</summary>
internal sealed class StoreLlmCallRecorder(SqliteRunStore store) : ILlmCallRecorder
{
    public ValueTask RecordAsync(LlmCall record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return store.RecordLlmCallAsync(
            new LlmCallRecord(
                new TrialKey(record.Arm, record.Trial), record.Attempt, record.RequestJson, record.ReplyJson,
                record.InputTokens, record.OutputTokens, record.Cost, record.LatencyMs, record.Retries, record.Error),
            cancellationToken);
    }
}
