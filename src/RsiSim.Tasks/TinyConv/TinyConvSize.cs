using RsiSim.Contracts.TinyConv;
using RsiSim.Tasks.Harness;

namespace RsiSim.Tasks.TinyConv;

/// <summary>One named size of the tinyconv task: the model's dimensions and the run's schedule.</summary>
/// <param name="Name">The size's name in scenarios and on the command line.</param>
/// <param name="Config">What the candidate is told.</param>
/// <param name="HeldOutSamples">Signals the harness scores the final weights on.</param>
/// <param name="LearningRate">Peak learning rate; the harness decays it along a cosine to a tenth.</param>
/// <param name="Checkpoints">How many evenly spaced steps have their training loss checked.</param>
public sealed record TinyConvSize(string Name, TinyConvConfig Config, int HeldOutSamples, double LearningRate, int Checkpoints)
{
    /// <summary>For tests: milliseconds, small enough to count its arithmetic by hand.</summary>
    public static TinyConvSize Tiny { get; } = new("tiny", new TinyConvConfig(48, 4, 5, 3, 8, 6, 0.9), 64, 0.05, 3);

    /// <summary>About half a second for the reference on the development machine.</summary>
    public static TinyConvSize Small { get; } = new("small", new TinyConvConfig(128, 16, 9, 4, 72, 32, 0.9), 512, 0.05, 8);

    /// <summary>About five seconds for the reference on the development machine.</summary>
    public static TinyConvSize Standard { get; } = new("standard", new TinyConvConfig(256, 32, 15, 6, 80, 60, 0.9), 1024, 0.05, 8);

    /// <summary>Every size, smallest first.</summary>
    public static IReadOnlyList<TinyConvSize> All { get; } = [Tiny, Small, Standard];

    /// <summary>Finds a size by name, or null.</summary>
    public static TinyConvSize? Find(string name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The size of that name.</summary>
    /// <exception cref="ArgumentException">No size has that name.</exception>
    public static TinyConvSize Named(string name) => Find(name) ?? throw new ArgumentException($"unknown tinyconv size '{name}'", nameof(name));

    /// <summary>The learning rate the harness hands over at <paramref name="step"/>.</summary>
    public double LearningRateAt(int step) => TrainingSchedule.CosineLearningRate(LearningRate, step, Config.Steps);

    /// <summary>The steps whose training loss is checked: evenly spaced, the last step included.</summary>
    public IReadOnlyList<int> CheckpointSteps() => TrainingSchedule.CheckpointSteps(Config.Steps, Checkpoints);
}
