using RsiSim.Tasks.Harness;

namespace RsiSim.Evaluation.Running;

/// <summary>What a session loads: the task, the size, and the compiled reference and candidate.</summary>
public sealed record SessionRequest(IHarnessedTask Task, string Size, byte[] BaselineImage, byte[] CandidateImage);
