using RsiSim.Contracts.TinyConv;

namespace RsiSim.Tasks.TinyConv;

/// <summary>The harness's own scoring of exported weights, in double precision, outside the timed region.</summary>
public static class TinyConvScorer
{
    /// <summary>Mean cross-entropy of the weights on the samples.</summary>
    public static double Loss(TinyConvConfig config, TinyConvWeights weights, TinyConvBatch samples)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(samples);
        int length = config.Length, filters = config.Filters, width = config.Width, classes = config.Classes, positions = config.Positions;
        var pooled = new double[filters];
        var logits = new double[classes];
        double total = 0;
        for (int s = 0; s < samples.Labels.Length; s++)
        {
            var signal = samples.Signals.AsSpan(s * length, length);
            for (int f = 0; f < filters; f++)
            {
                var kernel = weights.Kernels.AsSpan(f * width, width);
                double sum = 0;
                for (int t = 0; t < positions; t++)
                {
                    double pre = weights.KernelBias[f];
                    for (int w = 0; w < width; w++)
                    {
                        pre += kernel[w] * signal[t + w];
                    }
                    sum += Math.Max(pre, 0);
                }
                pooled[f] = sum / positions;
            }
            for (int c = 0; c < classes; c++)
            {
                logits[c] = weights.DenseBias[c];
                for (int f = 0; f < filters; f++)
                {
                    logits[c] += pooled[f] * weights.DenseWeights[f * classes + c];
                }
            }
            double max = logits.Max();
            double exponentials = logits.Sum(l => Math.Exp(l - max));
            total += Math.Log(exponentials) + max - logits[samples.Labels[s]];
        }
        return total / samples.Labels.Length;
    }
}
