namespace RsiSim.Evaluation.Running;

/// <summary>Where candidate code runs: in this process (first version) or in a sandboxed worker.</summary>
public interface ICandidateRunner
{
    /// <summary>Loads and binds both programs; a candidate that cannot be bound comes back as a failed opening.</summary>
    ValueTask<SessionOpening> OpenAsync(SessionRequest request, CancellationToken cancellationToken);

    /// <summary>Starts what a session needs before its programs exist (for workers: the processes), so that it can happen
    /// while the host compiles; returns once it is ready (or, for an <see cref="IStartingAhead"/>, once the part that must be
    /// is), or null when this runner has nothing to start ahead.</summary>
    /// <remarks>The caller passes the result to <see cref="OpenAsync"/> as <see cref="SessionRequest.Started"/>, which owns it
    /// from then on, or disposes it when the evaluation ends before a session is opened.</remarks>
    ValueTask<IAsyncDisposable?> StartAheadAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IAsyncDisposable?>(null);

    /// <summary>Whether this runner's sessions hand their programs inputs drawn in the host (<see cref="SessionRequest.Inputs"/>),
    /// which the evaluator then draws while it compiles; false (the default) where each run draws its data from its seed.</summary>
    bool TakesInputs => false;
}
