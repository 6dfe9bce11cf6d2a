namespace RsiSim.Tasks.Harness;

/// <summary>What <see cref="TrainingChecks.All"/> holds a run to: its shapes, its checkpoints and its tolerances.</summary>
/// <param name="Steps">Losses a run must report.</param>
/// <param name="Tensors">Every exported tensor by name, with its number of values.</param>
/// <param name="Checkpoints">The steps whose training loss is compared.</param>
/// <param name="CheckpointTolerance">Largest allowed relative difference of the training loss at a checkpoint.</param>
/// <param name="HeldOutTolerance">Largest allowed relative difference of the held-out loss.</param>
public sealed record TrainingCheckOptions(
    int Steps,
    IReadOnlyList<(string Name, int Length)> Tensors,
    IReadOnlyList<int> Checkpoints,
    double CheckpointTolerance,
    double HeldOutTolerance);
