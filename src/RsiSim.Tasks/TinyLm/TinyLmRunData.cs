using RsiSim.Contracts.TinyLm;
using RsiSim.Core.Randomness;
using RsiSim.Tasks.Harness;

namespace RsiSim.Tasks.TinyLm;

/// <summary>Everything one run needs, drawn from one seed before the clock starts.</summary>
/// <remarks>
/// Training text, batches and initial weights come from streams derived from the seed; the held-out samples
/// (<see cref="HeldOutFor"/>) come from a stream of their own, drawn only where the checks run, never beside the candidate.
/// Two runs with the same seed are identical.
/// </remarks>
public sealed class TinyLmRunData
{
    private TinyLmRunData(TinyLmSize size, ulong seed, TinyLmWeights initial, TinyLmBatch[] batches, double[] learningRates)
    {
        Size = size;
        Seed = seed;
        InitialWeights = initial;
        Batches = batches;
        LearningRates = learningRates;
    }

    public TinyLmSize Size { get; }

    public ulong Seed { get; }

    public TinyLmConfig Config => Size.Config;

    public TinyLmWeights InitialWeights { get; }

    public IReadOnlyList<TinyLmBatch> Batches { get; }

    public IReadOnlyList<double> LearningRates { get; }

    public static TinyLmRunData Create(TinyLmSize size, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(size);
        var config = size.Config;
        int[] text = TinyLmLanguage.Sample(size.TextLength, SplitMix64.Derive(seed, "train-text"));
        var sampler = new SplitMix64(SplitMix64.Derive(seed, "batches"));
        var batches = new TinyLmBatch[config.Steps];
        for (int s = 0; s < config.Steps; s++)
        {
            batches[s] = Draw(text, config.Context, config.BatchSize, sampler);
        }
        var learningRates = new double[config.Steps]; // a plain loop: Select over ints would be JIT-compiled in each fresh worker
        for (int s = 0; s < learningRates.Length; s++)
        {
            learningRates[s] = size.LearningRateAt(s);
        }
        return new TinyLmRunData(size, seed, DrawInitialWeights(config, SplitMix64.Derive(seed, "init")), batches, learningRates);
    }

    /// <summary>This run's data as plain arrays: the four initial weight tensors and the learning rates, then each step's
    /// contexts and targets.</summary>
    public RunInput ToInput()
    {
        var w = InitialWeights;
        var integers = new int[Batches.Count * 2][];
        for (int s = 0; s < Batches.Count; s++)
        {
            integers[2 * s] = Batches[s].Contexts;
            integers[2 * s + 1] = Batches[s].Targets;
        }
        return new RunInput([w.InputWeights, w.HiddenBias, w.OutputWeights, w.OutputBias, [.. LearningRates]], integers);
    }

    /// <summary>The run <see cref="ToInput"/> gave <paramref name="input"/> for.</summary>
    /// <exception cref="ArgumentException">The input is not of this size's shape.</exception>
    public static TinyLmRunData FromInput(TinyLmSize size, ulong seed, RunInput input)
    {
        ArgumentNullException.ThrowIfNull(size);
        ArgumentNullException.ThrowIfNull(input);
        var config = size.Config;
        var integers = new int[config.Steps * 2];
        for (int s = 0; s < config.Steps; s++)
        {
            integers[2 * s] = config.BatchSize * config.Context;
            integers[2 * s + 1] = config.BatchSize;
        }
        input.Expect($"tinylm's runs at {size.Name}", [config.InputSize * config.Hidden, config.Hidden, config.Hidden * config.Vocabulary, config.Vocabulary, config.Steps], integers);
        var batches = new TinyLmBatch[config.Steps];
        for (int s = 0; s < batches.Length; s++)
        {
            batches[s] = new TinyLmBatch(input.Integers[2 * s], input.Integers[2 * s + 1]);
        }
        var d = input.Doubles;
        return new TinyLmRunData(size, seed, new TinyLmWeights(d[0], d[1], d[2], d[3]), batches, d[4]);
    }

    /// <summary>Only the held-out samples of a seed: what the checks need, without drawing the training data.</summary>
    public static TinyLmBatch HeldOutFor(TinyLmSize size, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(size);
        int[] text = TinyLmLanguage.Sample(Math.Max(size.HeldOutSamples * 4, 4096), SplitMix64.Derive(seed, "held-out-text"));
        return Draw(text, size.Config.Context, size.HeldOutSamples, new SplitMix64(SplitMix64.Derive(seed, "held-out-samples")));
    }

    private static TinyLmBatch Draw(int[] text, int context, int count, SplitMix64 random)
    {
        var contexts = new int[count * context];
        var targets = new int[count];
        for (int b = 0; b < count; b++)
        {
            int position = context + random.NextInt(text.Length - context);
            Array.Copy(text, position - context, contexts, b * context, context);
            targets[b] = text[position];
        }
        return new TinyLmBatch(contexts, targets);
    }

    private static TinyLmWeights DrawInitialWeights(TinyLmConfig config, ulong seed)
    {
        var random = new SplitMix64(seed);
        double inputScale = 1.0 / Math.Sqrt(config.Context);
        double outputScale = 1.0 / Math.Sqrt(config.Hidden);
        var input = new double[config.InputSize * config.Hidden];
        for (int i = 0; i < input.Length; i++)
        {
            input[i] = random.NextGaussian() * inputScale;
        }
        var output = new double[config.Hidden * config.Vocabulary];
        for (int i = 0; i < output.Length; i++)
        {
            output[i] = random.NextGaussian() * outputScale;
        }
        return new TinyLmWeights(input, new double[config.Hidden], output, new double[config.Vocabulary]);
    }
}
