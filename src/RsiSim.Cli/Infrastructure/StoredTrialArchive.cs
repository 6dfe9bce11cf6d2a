using RsiSim.Core.Agents;
using RsiSim.Core.Attempts;
using RsiSim.Core.Trials;
using RsiSim.Storage.Reading;

namespace RsiSim.Cli.Infrastructure;

/// <summary>Reads recorded trials from run folders for the replay agent; each folder is read once.</summary>
internal sealed class StoredTrialArchive : ITrialArchive
{
    private readonly Dictionary<string, Task<StoredRun>> _runs = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public async ValueTask<IReadOnlyList<RecordedProposal>> LoadAsync(string runDirectory, string arm, int trial, CancellationToken cancellationToken)
    {
        Task<StoredRun> loading;
        lock (_gate)
        {
            string key = Path.GetFullPath(runDirectory);
            if (!_runs.TryGetValue(key, out loading!))
            {
                loading = RunStoreReader.LoadAsync(runDirectory, cancellationToken);
                _runs[key] = loading;
            }
        }
        var run = await loading.ConfigureAwait(false);
        var attempts = run.AttemptsOf(new TrialKey(arm, trial)).ToList();
        if (attempts.Count == 0)
        {
            throw new UserInputException($"{runDirectory} has no recorded attempts of {arm}#{trial}");
        }
        return [.. attempts.Select(a => ToRecorded(run, a))];
    }

    private static RecordedProposal ToRecorded(StoredRun run, StoredAttempt attempt)
    {
        var record = attempt.Record;
        return record.Status switch
        {
            AttemptStatus.EditFailed => new RecordedProposal(ProposalKind.EditFailed, null, record.Description, record.Usage),
            AttemptStatus.AgentError => new RecordedProposal(ProposalKind.AgentError, null, record.Description, record.Usage),
            _ => new RecordedProposal(ProposalKind.Candidate, run.Candidates[record.CandidateHash!], record.Description, record.Usage),
        };
    }
}
