using RsiSim.Contracts.TinyLm;
using RsiSim.Core.Randomness;
using RsiSim.Tasks.TinyLm;

namespace RsiSim.Tasks.Tests.TinyLm;

public sealed class TinyLmScorerTests
{
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 64, 4, 128 },  // small: every row a whole number of vectors
        { 7, 3, 13 },    // rows that end part-way through a vector
        { 37, 2, 9 },    // logits in a block of four vectors, single vectors, then one by one
        { 1, 1, 1 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_held_out_loss_is_the_plain_loops_to_the_last_bit(int vocabulary, int context, int hidden)
    {
        // Given random weights and samples of a shape
        var config = new TinyLmConfig(vocabulary, context, hidden, 8, 6, 0.9);
        var random = new SplitMix64(42);
        double[] Draw(int length) => [.. Enumerable.Range(0, length).Select(_ => random.NextGaussian())];
        var weights = new TinyLmWeights(Draw(config.InputSize * hidden), Draw(hidden), Draw(hidden * vocabulary), Draw(vocabulary));
        const int count = 257; // more than one thread's share
        var samples = new TinyLmBatch(
            [.. Enumerable.Range(0, count * context).Select(_ => random.NextInt(vocabulary))],
            [.. Enumerable.Range(0, count).Select(_ => random.NextInt(vocabulary))]);

        // When the scorer scores them
        double loss = TinyLmScorer.Loss(config, weights, samples);

        // Then the loss is bit for bit what the plain scalar loops give: checks compare it to 1e-5, runs compare it exactly
        Assert.Equal(BitConverter.DoubleToInt64Bits(PlainLoss(config, weights, samples)), BitConverter.DoubleToInt64Bits(loss));
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
