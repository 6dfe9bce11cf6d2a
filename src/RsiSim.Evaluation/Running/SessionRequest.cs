using RsiSim.Tasks.Harness;

namespace RsiSim.Evaluation.Running;

/// <summary>What a session loads: the task, the size, and the compiled reference and candidate.</summary>
public sealed record SessionRequest(IHarnessedTask Task, string Size, byte[] BaselineImage, byte[] CandidateImage)
{
    /// <summary>What <see cref="ICandidateRunner.StartAheadAsync"/> of the same runner returned for this session, if anything;
    /// <see cref="ICandidateRunner.OpenAsync"/> owns it and disposes it if the session does not open.</summary>
    public IAsyncDisposable? Started { get; init; }

    /// <summary>The runs' inputs, drawn in the host, for a runner that hands them to its programs
    /// (<see cref="ICandidateRunner.TakesInputs"/>); null for the runner to draw each when its first run is prepared.</summary>
    public RunInputs? Inputs { get; init; }
}
