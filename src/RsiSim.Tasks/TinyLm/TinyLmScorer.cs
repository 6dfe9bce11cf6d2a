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
    /// <summary>Samples below which one thread scores them all: a split costs more than it saves.</summary>
    private const int SamplesPerThread = 128;

    /// <summary>Mean cross-entropy of the weights on the samples.</summary>
    /// <remarks>Each sample's loss is computed on its own, split over the cores (nothing is timed while checks run), and
    /// the losses are added in the samples' order: the total is the one-thread loop's to the last bit.</remarks>
    public static double Loss(TinyLmConfig config, TinyLmWeights weights, TinyLmBatch samples)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(samples);
        int count = samples.Targets.Length;
        var losses = new double[count];
        int parts = Math.Clamp(count / SamplesPerThread, 1, Environment.ProcessorCount);
        if (parts == 1)
        {
            SampleLosses(config, weights, samples, losses, 0, count);
        }
        else
        {
            Parallel.For(0, parts, part => SampleLosses(config, weights, samples, losses, (int)((long)count * part / parts), (int)((long)count * (part + 1) / parts)));
        }
        double total = 0;
        foreach (double loss in losses)
        {
            total += loss;
        }
        return total / count;
    }

    private static void SampleLosses(TinyLmConfig config, TinyLmWeights weights, TinyLmBatch samples, double[] losses, int from, int to)
    {
        int h = config.Hidden, v = config.Vocabulary, k = config.Context;
        var hidden = new double[h];
        var logits = new double[v];
        for (int b = from; b < to; b++)
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
            OutputLayer(logits, hidden, weights.OutputWeights, weights.OutputBias);
            double max = logits.Max();
            double sum = 0;
            for (int c = 0; c < v; c++)
            {
                sum += Math.Exp(logits[c] - max);
            }
            losses[b] = Math.Log(sum) + max - logits[samples.Targets[b]];
        }
    }

    // logits[c] = bias[c] + hidden[0] * w[0, c] + hidden[1] * w[1, c] + ..., added in that order, one multiply then one add
    // each: the loop over the hidden units runs inside, four vectors of logits kept in registers all through it.
    private static void OutputLayer(Span<double> logits, ReadOnlySpan<double> hidden, ReadOnlySpan<double> weights, ReadOnlySpan<double> bias)
    {
        int v = logits.Length, c = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int n = Vector<double>.Count;
            for (; c <= v - 4 * n; c += 4 * n)
            {
                Vector<double> a0 = new(bias[c..]), a1 = new(bias[(c + n)..]), a2 = new(bias[(c + 2 * n)..]), a3 = new(bias[(c + 3 * n)..]);
                for (int j = 0; j < hidden.Length; j++)
                {
                    var x = new Vector<double>(hidden[j]);
                    var row = weights.Slice(j * v + c, 4 * n);
                    a0 += x * new Vector<double>(row);
                    a1 += x * new Vector<double>(row[n..]);
                    a2 += x * new Vector<double>(row[(2 * n)..]);
                    a3 += x * new Vector<double>(row[(3 * n)..]);
                }
                a0.CopyTo(logits[c..]);
                a1.CopyTo(logits[(c + n)..]);
                a2.CopyTo(logits[(c + 2 * n)..]);
                a3.CopyTo(logits[(c + 3 * n)..]);
            }
            for (; c <= v - n; c += n)
            {
                Vector<double> a = new(bias[c..]);
                for (int j = 0; j < hidden.Length; j++)
                {
                    a += new Vector<double>(hidden[j]) * new Vector<double>(weights[(j * v + c)..]);
                }
                a.CopyTo(logits[c..]);
            }
        }
        for (; c < v; c++)
        {
            double a = bias[c];
            for (int j = 0; j < hidden.Length; j++)
            {
                a += hidden[j] * weights[j * v + c];
            }
            logits[c] = a;
        }
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
