using RsiSim.Contracts.TinyLm;
using RsiSim.Tasks.Harness;

namespace RsiSim.Tasks.TinyLm;

/// <summary>One named size of the tinylm task: the model's dimensions and the run's schedule.</summary>
/// <param name="Name">The size's name in scenarios and on the command line.</param>
/// <param name="Config">What the candidate is told.</param>
/// <param name="TextLength">Characters of training text drawn per run.</param>
/// <param name="HeldOutSamples">Samples the harness scores the final weights on.</param>
/// <param name="LearningRate">Peak learning rate; the harness decays it along a cosine to a tenth.</param>
/// <param name="Checkpoints">How many evenly spaced steps have their training loss checked.</param>
public sealed record TinyLmSize(string Name, TinyLmConfig Config, int TextLength, int HeldOutSamples, double LearningRate, int Checkpoints)
{
    /// <summary>For tests: seconds of nothing, small enough to count its arithmetic by hand.</summary>
    public static TinyLmSize Tiny { get; } = new("tiny", new TinyLmConfig(64, 4, 16, 8, 6, 0.9), 4_000, 64, 0.1, 3);

    /// <summary>About half a second for the reference on the development machine.</summary>
    public static TinyLmSize Small { get; } = new("small", new TinyLmConfig(64, 4, 128, 64, 48, 0.9), 50_000, 1024, 0.1, 8);

    /// <summary>About seven seconds for the reference on the development machine.</summary>
    public static TinyLmSize Standard { get; } = new("standard", new TinyLmConfig(64, 4, 256, 256, 80, 0.9), 200_000, 2048, 0.1, 8);

    /// <summary>Every size, smallest first.</summary>
    public static IReadOnlyList<TinyLmSize> All { get; } = [Tiny, Small, Standard];

    /// <summary>Finds a size by name, or null.</summary>
    public static TinyLmSize? Find(string name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The learning rate the harness hands over at <paramref name="step"/>.</summary>
    public double LearningRateAt(int step) => TrainingSchedule.CosineLearningRate(LearningRate, step, Config.Steps);

    /// <summary>The steps whose training loss is checked: evenly spaced, the last step included.</summary>
    public IReadOnlyList<int> CheckpointSteps() => TrainingSchedule.CheckpointSteps(Config.Steps, Checkpoints);
}
