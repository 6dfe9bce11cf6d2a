using RsiSim.Contracts.TinyConv;
using RsiSim.Core.Randomness;

namespace RsiSim.Tasks.TinyConv;

/// <summary>Everything one run needs, drawn from one seed before the clock starts.</summary>
/// <remarks>
/// The classes, batches and initial weights come from streams derived from the seed; the held-out signals come
/// from a stream the candidate never sees anything of. Two runs with the same seed are identical.
/// </remarks>
public sealed class TinyConvRunData
{
    private TinyConvRunData(TinyConvSize size, TinyConvWeights initial, TinyConvBatch[] batches, double[] learningRates, TinyConvBatch heldOut)
    {
        Size = size;
        InitialWeights = initial;
        Batches = batches;
        LearningRates = learningRates;
        HeldOut = heldOut;
    }

    public TinyConvSize Size { get; }

    public TinyConvConfig Config => Size.Config;

    public TinyConvWeights InitialWeights { get; }

    public IReadOnlyList<TinyConvBatch> Batches { get; }

    public IReadOnlyList<double> LearningRates { get; }

    /// <summary>Signals scored after training; never handed to the candidate.</summary>
    public TinyConvBatch HeldOut { get; }

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
        return new TinyConvRunData(size, DrawInitialWeights(config, SplitMix64.Derive(seed, "init")), batches, learningRates, HeldOutFor(size, seed));
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
