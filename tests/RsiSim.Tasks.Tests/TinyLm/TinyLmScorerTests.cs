using RsiSim.Contracts.TinyLm;
using RsiSim.Core.Randomness;
using RsiSim.Tasks.TinyLm;

namespace RsiSim.Tasks.Tests.TinyLm;

public sealed class TinyLmScorerTests
{
    public static TheoryData<int, int, int, double> Shapes => new()
    {
        { 64, 4, 128, 1 },  // small: every row a whole number of vectors
        { 7, 3, 13, 1 },    // rows that end part-way through a vector
        { 37, 2, 9, 1 },    // logits in a block of four vectors, single vectors, then one by one
        { 1, 1, 1, 1 },     // one context for every sample
        { 3, 2, 16, 1 },    // nine contexts shared by 257 samples
        { 64, 4, 128, 40 }, // hidden units deep in tanh's flat tails (and exponentials far below the largest)
        { 5, 2, 6, 1e-6 },  // hidden units near zero, where 1 - 2 / (e^2x + 1) cancels
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_held_out_loss_is_the_plain_loops_to_within_1e_minus_12(int vocabulary, int context, int hidden, double scale)
    {
        // Given random weights and samples of a shape
        var config = new TinyLmConfig(vocabulary, context, hidden, 8, 6, 0.9);
        var random = new SplitMix64(42);
        double[] Draw(int length) => [.. Enumerable.Range(0, length).Select(_ => scale * random.NextGaussian())];
        var weights = new TinyLmWeights(Draw(config.InputSize * hidden), Draw(hidden), Draw(hidden * vocabulary), Draw(vocabulary));
        const int count = 257; // more than one thread's share
        var samples = new TinyLmBatch(
            [.. Enumerable.Range(0, count * context).Select(_ => random.NextInt(vocabulary))],
            [.. Enumerable.Range(0, count).Select(_ => random.NextInt(vocabulary))]);

        // When the scorer scores them
        double loss = TinyLmScorer.Loss(config, weights, samples);

        // Then the loss is what the plain scalar loops with Math.Tanh give, seven orders of magnitude inside the checks' 1e-5
        double plain = PlainLoss(config, weights, samples);
        Assert.InRange(Math.Abs(loss - plain), 0, 1e-12 * Math.Abs(plain));
    }

    [Fact]
    public void The_same_weights_score_the_same_to_the_last_bit()
    {
        // Given the reference's initial weights at small and the held-out samples of a seed: more than one thread's share
        var size = TinyLmSize.Small;
        var weights = TinyLmRunner.PrepareInitialWeights(TinyLmRunData.Create(size, 3));
        var heldOut = TinyLmRunData.HeldOutFor(size, 3);

        // When they are scored twice, the second time from copies
        double first = TinyLmScorer.Loss(size.Config, weights, heldOut);
        var copy = new TinyLmWeights([.. weights.InputWeights], [.. weights.HiddenBias], [.. weights.OutputWeights], [.. weights.OutputBias]);
        double second = TinyLmScorer.Loss(size.Config, copy, new TinyLmBatch([.. heldOut.Contexts], [.. heldOut.Targets]));

        // Then the two losses are one: a candidate that reproduces the reference's weights differs from it by nothing
        Assert.Equal(BitConverter.DoubleToInt64Bits(first), BitConverter.DoubleToInt64Bits(second));
    }

    // The scorer as first written, one element at a time: the definition the faster one must keep.
    private static double PlainLoss(TinyLmConfig config, TinyLmWeights weights, TinyLmBatch samples)
    {
        int h = config.Hidden, v = config.Vocabulary, k = config.Context;
        var hiddenValues = new double[h];
        var logits = new double[v];
        double total = 0;
        for (int b = 0; b < samples.Targets.Length; b++)
        {
            Array.Copy(weights.HiddenBias, hiddenValues, h);
            for (int p = 0; p < k; p++)
            {
                int row = (p * v + samples.Contexts[b * k + p]) * h;
                for (int j = 0; j < h; j++)
                {
                    hiddenValues[j] += weights.InputWeights[row + j];
                }
            }
            for (int j = 0; j < h; j++)
            {
                hiddenValues[j] = Math.Tanh(hiddenValues[j]);
            }
            Array.Copy(weights.OutputBias, logits, v);
            for (int j = 0; j < h; j++)
            {
                double a = hiddenValues[j];
                for (int c = 0; c < v; c++)
                {
                    logits[c] += a * weights.OutputWeights[j * v + c];
                }
            }
            double max = logits.Max();
            double sum = 0;
            for (int c = 0; c < v; c++)
            {
                sum += Math.Exp(logits[c] - max);
            }
            total += Math.Log(sum) + max - logits[samples.Targets[b]];
        }
        return total / samples.Targets.Length;
    }
}
