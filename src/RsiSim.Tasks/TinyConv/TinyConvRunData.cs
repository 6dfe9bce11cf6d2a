using RsiSim.Contracts.TinyConv;
using RsiSim.Core.Randomness;
using RsiSim.Tasks.Harness;

namespace RsiSim.Tasks.TinyConv;

/// <summary>Everything one run needs, drawn from one seed before the clock starts.</summary>
/// <remarks>
/// The classes, batches and initial weights come from streams derived from the seed; the held-out signals
/// (<see cref="HeldOutFor"/>) come from a stream of their own, drawn only where the checks run, never beside the candidate.
/// Two runs with the same seed are identical.
/// </remarks>
public sealed class TinyConvRunData
{
    private TinyConvRunData(TinyConvSize size, TinyConvWeights initial, TinyConvBatch[] batches, double[] learningRates)
    {
        Size = size;
        InitialWeights = initial;
        Batches = batches;
        LearningRates = learningRates;
    }

    public TinyConvSize Size { get; }

    public TinyConvConfig Config => Size.Config;

    public TinyConvWeights InitialWeights { get; }

    public IReadOnlyList<TinyConvBatch> Batches { get; }

    public IReadOnlyList<double> LearningRates { get; }

    public static TinyConvRunData Create(TinyConvSize size, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(size);
        var config = size.Config;
        var signals = SignalsFor(config, seed);
        var sampler = new SplitMix64(SplitMix64.Derive(seed, "batches"));
        var batches = new TinyConvBatch[config.Steps];
        for (int s = 0; s < config.Steps; s++)
        {
            var (x, y) = signals.Draw(config.BatchSize, sampler);
            batches[s] = new TinyConvBatch(x, y);
        }
        var learningRates = Enumerable.Range(0, config.Steps).Select(size.LearningRateAt).ToArray();
        return new TinyConvRunData(size, DrawInitialWeights(config, SplitMix64.Derive(seed, "init")), batches, learningRates);
    }

    /// <summary>This run's data as plain arrays: the four initial weight tensors, the learning rates and each step's
    /// signals as doubles, each step's labels as integers.</summary>
    public RunInput ToInput()
    {
        var w = InitialWeights;
        return new RunInput(
            [w.Kernels, w.KernelBias, w.DenseWeights, w.DenseBias, [.. LearningRates], .. Batches.Select(b => b.Signals)],
            [.. Batches.Select(b => b.Labels)]);
    }

    /// <summary>The run <see cref="ToInput"/> gave <paramref name="input"/> for.</summary>
    /// <exception cref="ArgumentException">The input is not of this size's shape.</exception>
    public static TinyConvRunData FromInput(TinyConvSize size, RunInput input)
    {
        ArgumentNullException.ThrowIfNull(size);
        ArgumentNullException.ThrowIfNull(input);
        var config = size.Config;
        // Plain loops where a worker runs: LINQ over ints would be JIT-compiled in each fresh worker (TinyLmRunData).
        var doubles = new int[5 + config.Steps];
        var integers = new int[config.Steps];
        (doubles[0], doubles[1], doubles[2], doubles[3], doubles[4]) = (config.Filters * config.Width, config.Filters, config.Filters * config.Classes, config.Classes, config.Steps);
        for (int s = 0; s < config.Steps; s++)
        {
            doubles[5 + s] = config.BatchSize * config.Length;
            integers[s] = config.BatchSize;
        }
        input.Expect($"tinyconv's runs at {size.Name}", doubles, integers);
        var d = input.Doubles;
        var batches = new TinyConvBatch[config.Steps];
        for (int s = 0; s < batches.Length; s++)
        {
            batches[s] = new TinyConvBatch(d[5 + s], input.Integers[s]);
        }
        return new TinyConvRunData(size, new TinyConvWeights(d[0], d[1], d[2], d[3]), batches, d[4]);
    }

    /// <summary>Only the held-out signals of a seed: what the checks need, without drawing the training data.</summary>
    public static TinyConvBatch HeldOutFor(TinyConvSize size, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(size);
        var (x, y) = SignalsFor(size.Config, seed).Draw(size.HeldOutSamples, new SplitMix64(SplitMix64.Derive(seed, "held-out")));
        return new TinyConvBatch(x, y);
    }

    private static TinyConvSignals SignalsFor(TinyConvConfig config, ulong seed) =>
        TinyConvSignals.Create(config.Length, config.Classes, SplitMix64.Derive(seed, "classes"));

    // He initialisation for the ReLU layer, 1/sqrt(fan-in) for the dense layer; biases start at zero.
    private static TinyConvWeights DrawInitialWeights(TinyConvConfig config, ulong seed)
    {
        var random = new SplitMix64(seed);
        double kernelScale = Math.Sqrt(2.0 / config.Width);
        double denseScale = 1.0 / Math.Sqrt(config.Filters);
        var kernels = new double[config.Filters * config.Width];
        for (int i = 0; i < kernels.Length; i++)
        {
            kernels[i] = random.NextGaussian() * kernelScale;
        }
        var dense = new double[config.Filters * config.Classes];
        for (int i = 0; i < dense.Length; i++)
        {
            dense[i] = random.NextGaussian() * denseScale;
        }
        return new TinyConvWeights(kernels, new double[config.Filters], dense, new double[config.Classes]);
    }
}
