namespace RsiSim.Evaluation.Running;

/// <summary>Where candidate code runs: in this process (first version) or in a sandboxed worker.</summary>
public interface ICandidateRunner
{
    /// <summary>Loads and binds both programs; a candidate that cannot be bound comes back as a failed opening.</summary>
    ValueTask<SessionOpening> OpenAsync(SessionRequest request, CancellationToken cancellationToken);
}
