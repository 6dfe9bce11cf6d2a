namespace RsiSim.Agents.Llm.Recording;

/// <summary>Keeps every language-model call of a run (the CLI writes them to run.db).</summary>
public interface ILlmCallRecorder
{
    ValueTask RecordAsync(LlmCall record, CancellationToken cancellationToken);
}
