using System.Collections.Concurrent;
using RsiSim.Agents.Llm.Recording;
using RsiSim.Agents.Llm.Replay;
using RsiSim.Core.Trials;
using RsiSim.Storage;
using RsiSim.Storage.Reading;

namespace RsiSim.Cli.Infrastructure;

/// <summary>Serves a recorded run's llm calls to replaying arms; each run folder is read once, whatever the number of trials.</summary>
internal sealed class StoredRunReplaySource : ILlmReplaySource
{
    private readonly ConcurrentDictionary<string, Lazy<Task<StoredRun>>> _runs = new(StringComparer.Ordinal);

    public async ValueTask<IReadOnlyList<LlmCall>> LoadAsync(string runDirectory, string arm, int trial, CancellationToken cancellationToken)
    {
        string directory = Path.GetFullPath(runDirectory);
        var loading = _runs.GetOrAdd(directory, d => new Lazy<Task<StoredRun>>(() => RunStoreReader.LoadAsync(d, CancellationToken.None)));
        StoredRun run;
        try
        {
            run = await loading.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RunStoreException ex)
        {
            throw new LlmReplayException($"cannot replay {runDirectory}: {ex.Message}", ex);
        }
        var key = new TrialKey(arm, trial);
        return [.. run.LlmCalls.Where(c => c.Call.Trial == key).Select(c => new LlmCall(
            arm, trial, c.Call.Attempt, c.Call.RequestJson, c.Call.ReplyJson,
            c.Call.InputTokens, c.Call.OutputTokens, c.Call.Cost, c.Call.LatencyMs, c.Call.Retries, c.Call.Error))];
    }
}
