namespace RsiSim.Evaluation.Running;

/// <summary>What <see cref="ICandidateRunner.StartAheadAsync"/> returned while part of it may still be starting.</summary>
/// <remarks>The evaluator either waits for <see cref="Ready"/> before it lets go of its shared hold of the timing gate, or
/// holds the gate alone from then on (<see cref="Timing.TimingGate.TryUpgrade"/>): what is still starting never falls
/// beside another evaluation's timed run.</remarks>
public interface IStartingAhead : IAsyncDisposable
{
    /// <summary>Completes once everything started is ready or has failed to start (or, disposed before it began, did not
    /// start); it never faults.</summary>
    Task Ready { get; }

    /// <summary>Says the caller's own work before the session is done (the compile): what waits for that starts now.</summary>
    /// <remarks>A runner may hold part of its start back until then, so as not to take a core from the compile where that part
    /// is not waited for (it goes beside the session's first run). Opening the session begins it too.</remarks>
    void Begin();
}
