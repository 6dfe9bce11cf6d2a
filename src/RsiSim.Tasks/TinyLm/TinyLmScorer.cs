using RsiSim.Contracts.TinyLm;

namespace RsiSim.Tasks.TinyLm;

/// <summary>The harness's own scoring of exported weights, in double precision, outside the timed region.</summary>
public static class TinyLmScorer
{
    /// <summary>Mean cross-entropy of the weights on the samples.</summary>
    public static double Loss(TinyLmConfig config, TinyLmWeights weights, TinyLmBatch samples)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(samples);
        int h = config.Hidden, v = config.Vocabulary, k = config.Context;
        var hidden = new double[h];
        var logits = new double[v];
        double total = 0;
        for (int b = 0; b < samples.Targets.Length; b++)
        {
            Array.Copy(weights.HiddenBias, hidden, h);
            for (int p = 0; p < k; p++)
            {
                int row = (p * v + samples.Contexts[b * k + p]) * h;
                for (int j = 0; j < h; j++)
                {
                    hidden[j] += weights.InputWeights[row + j];
                }
            }
            for (int j = 0; j < h; j++)
            {
                hidden[j] = Math.Tanh(hidden[j]);
            }
            Array.Copy(weights.OutputBias, logits, v);
            for (int j = 0; j < h; j++)
            {
                double a = hidden[j];
                int row = j * v;
                for (int c = 0; c < v; c++)
                {
                    logits[c] += a * weights.OutputWeights[row + c];
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
