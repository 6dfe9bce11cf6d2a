using System.Numerics;
using RsiSim.Contracts.TinyLm;

namespace RsiSim.Tasks.TinyLm;

/// <summary>The harness's own scoring of exported weights, in double precision, outside the timed region.</summary>
/// <remarks>
/// The sums over a row run lane by lane with <see cref="Vector{T}"/>: each element still adds its terms in the
/// same order, with a separate multiply and add, so the loss is the plain loops' to the last bit, only about four
/// times sooner (it is on every evaluation's path, twice for each checked run).
/// </remarks>
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
                AddScaled(hidden, 1.0, weights.InputWeights.AsSpan(row, h));
            }
            for (int j = 0; j < h; j++)
            {
                hidden[j] = Math.Tanh(hidden[j]);
            }
            Array.Copy(weights.OutputBias, logits, v);
            for (int j = 0; j < h; j++)
            {
                AddScaled(logits, hidden[j], weights.OutputWeights.AsSpan(j * v, v));
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

    // into[i] += a * row[i]: one multiply, then one add, per element, as the scalar loop does (a of 1 multiplies exactly).
    private static void AddScaled(Span<double> into, double a, ReadOnlySpan<double> row)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var factor = new Vector<double>(a);
            for (; i <= into.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                (new Vector<double>(into[i..]) + factor * new Vector<double>(row[i..])).CopyTo(into[i..]);
            }
        }
        for (; i < into.Length; i++)
        {
            into[i] += a * row[i];
        }
    }
}
