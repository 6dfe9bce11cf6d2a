using RsiSim.Agents.Llm.Recording;

namespace RsiSim.Agents.Llm.Replay;

/// <summary>Reads the calls a run recorded (the CLI reads them from a run folder's run.db).</summary>
public interface ILlmReplaySource
{
    /// <summary>The calls of one arm and trial of the run in <paramref name="runDirectory"/>, in the order they were made.</summary>
    /// <exception cref="LlmReplayException">The folder holds no readable run.</exception>
    ValueTask<IReadOnlyList<LlmCall>> LoadAsync(string runDirectory, string arm, int trial, CancellationToken cancellationToken);
}
