using RsiSim.Core.Agents;

namespace RsiSim.Agents.Replay;

/// <summary>Proposes, attempt by attempt, exactly what a recorded trial proposed; then it has nothing left.</summary>
internal sealed class ReplayAgent(ITrialArchive archive, string runDirectory, string arm, int trial) : IAgent
{
    private IReadOnlyList<RecordedProposal>? _recorded;

    public async ValueTask<Proposal> ProposeAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        _recorded ??= await archive.LoadAsync(runDirectory, arm, trial, cancellationToken).ConfigureAwait(false);
        return context.Attempt <= _recorded.Count
            ? _recorded[context.Attempt - 1].ToProposal()
            : Proposal.Finished($"the recorded trial {arm}#{trial} had {_recorded.Count} attempts");
    }
}
