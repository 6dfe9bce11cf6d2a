namespace RsiSim.Agents.Llm.Recording;

/// <summary>Records nothing: for agents made without a run store.</summary>
internal sealed class NullLlmCallRecorder : ILlmCallRecorder
{
    public static NullLlmCallRecorder Instance { get; } = new();

    public ValueTask RecordAsync(LlmCall record, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
