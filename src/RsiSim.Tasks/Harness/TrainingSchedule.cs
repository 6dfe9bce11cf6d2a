namespace RsiSim.Tasks.Harness;

/// <summary>The harness-owned schedule of the built-in tasks: a cosine learning-rate decay and evenly spaced checkpoints.</summary>
public static class TrainingSchedule
{
    /// <summary>The learning rate at <paramref name="step"/>: <paramref name="peak"/> decayed along a cosine to a tenth of it.</summary>
    public static double CosineLearningRate(double peak, int step, int steps) =>
        peak * (0.1 + 0.9 * 0.5 * (1 + Math.Cos(Math.PI * step / steps)));

    /// <summary>The steps whose training loss is checked: evenly spaced, the last step included.</summary>
    public static IReadOnlyList<int> CheckpointSteps(int steps, int checkpoints) =>
        [.. Enumerable.Range(1, checkpoints).Select(i => i * steps / checkpoints - 1)];
}
