namespace RsiSim.Core.Agents;

/// <summary>Reads back what an agent proposed in a recorded trial, for the replay agent.</summary>
public interface ITrialArchive
{
    /// <summary>The recorded trial's proposals, in order.</summary>
    ValueTask<IReadOnlyList<RecordedProposal>> LoadAsync(string runDirectory, string arm, int trial, CancellationToken cancellationToken);
}
