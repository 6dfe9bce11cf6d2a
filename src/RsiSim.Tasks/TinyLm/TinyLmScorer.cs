using System.Numerics;
using System.Runtime.CompilerServices;
using RsiSim.Contracts.TinyLm;

namespace RsiSim.Tasks.TinyLm;

/// <summary>The harness's own scoring of exported weights, in double precision, outside the timed region.</summary>
/// <remarks>
/// It is on every evaluation's path, once for each checked run, so it is made fast where that costs no meaningful
/// precision: a context that several samples share is scored once (at small, 1,024 held-out samples have about 660
/// distinct contexts), and the hidden units' tanh and the logits' exponentials run lane by lane with
/// <see cref="Vector{T}"/>. The tanh is taken as 1 − 2 / (e^{2|x|} + 1) with its sign restored: within 3e-16 of
/// <see cref="Math.Tanh"/> (which took 15 ns a value here, more than half of the scoring). The loss is within 1e-12 of
/// the plain loops' (tested), while the checks compare losses to 1e-5; and the same weights always score the same.
/// </remarks>
public static class TinyLmScorer
{
    /// <summary>Distinct contexts below which one thread scores them all: a split costs more than it saves.</summary>
    private const int ContextsPerThread = 256;

    /// <summary>Mean cross-entropy of the weights on the samples.</summary>
    /// <remarks>Each distinct context's log-sum-exp is computed on its own, split over the cores (nothing is timed while
    /// checks run), and the samples' losses are added in their order.</remarks>
    public static double Loss(TinyLmConfig config, TinyLmWeights weights, TinyLmBatch samples)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(samples);
        int count = samples.Targets.Length, v = config.Vocabulary;
        var (contexts, contextOf) = DistinctContexts(config, samples);
        int distinct = contexts.Length / config.Context;
        var logits = new double[distinct * v];
        var logSumExp = new double[distinct];
        int parts = Math.Clamp(distinct / ContextsPerThread, 1, Environment.ProcessorCount);
        if (parts == 1)
        {
            Score(config, weights, contexts, logits, logSumExp, 0, distinct);
        }
        else
        {
            Parallel.For(0, parts, part => Score(config, weights, contexts, logits, logSumExp, (int)((long)distinct * part / parts), (int)((long)distinct * (part + 1) / parts)));
        }
        double total = 0;
        for (int b = 0; b < count; b++)
        {
            int u = contextOf[b];
            total += logSumExp[u] - logits[u * v + samples.Targets[b]];
        }
        return total / count;
    }

    /// <summary>The samples' distinct contexts, in order of first appearance, and each sample's index among them.</summary>
    private static (int[] Contexts, int[] ContextOf) DistinctContexts(TinyLmConfig config, TinyLmBatch samples)
    {
        int k = config.Context, count = samples.Targets.Length;
        var contextOf = new int[count];
        // A context is a number in base Vocabulary where it fits in 63 bits; otherwise every sample is its own.
        bool keyed = k * Math.Log2(Math.Max(config.Vocabulary, 2)) <= 62;
        var seen = new Dictionary<long, int>(keyed ? count : 0);
        var contexts = new List<int>(count * k);
        for (int b = 0; b < count; b++)
        {
            var context = samples.Contexts.AsSpan(b * k, k);
            long key = 0;
            foreach (int id in context)
            {
                key = key * config.Vocabulary + id;
            }
            if (keyed && seen.TryGetValue(key, out int known))
            {
                contextOf[b] = known;
                continue;
            }
            contextOf[b] = contexts.Count / k;
            if (keyed)
            {
                seen.Add(key, contextOf[b]);
            }
            contexts.AddRange(context);
        }
        return ([.. contexts], contextOf);
    }

    // For each context in [from, to): its logits, and log(Σ exp(logit)) computed as max + log(Σ exp(logit − max)).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // vector code: optimised from its first call in the host
    private static void Score(TinyLmConfig config, TinyLmWeights weights, int[] contexts, double[] logits, double[] logSumExp, int from, int to)
    {
        int h = config.Hidden, v = config.Vocabulary, k = config.Context;
        var hidden = new double[h];
        var shifted = new double[v];
        for (int u = from; u < to; u++)
        {
            Array.Copy(weights.HiddenBias, hidden, h);
            for (int p = 0; p < k; p++)
            {
                int row = (p * v + contexts[u * k + p]) * h;
                AddScaled(hidden, 1.0, weights.InputWeights.AsSpan(row, h));
            }
            Tanh(hidden);
            var own = logits.AsSpan(u * v, v);
            OutputLayer(own, hidden, weights.OutputWeights, weights.OutputBias);
            double max = Max(own);
            for (int c = 0; c < v; c++)
            {
                shifted[c] = own[c] - max;
            }
            logSumExp[u] = Math.Log(SumOfExp(shifted)) + max;
        }
    }

    /// <summary>tanh in place: 1 − 2 / (e^{2|x|} + 1), sign restored (e^{2|x|} overflowing to infinity gives 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // vector code: optimised from its first call in the host
    private static void Tanh(Span<double> values)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            Vector<double> one = Vector<double>.One, two = new(2.0);
            for (; i <= values.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                var x = new Vector<double>(values[i..]);
                var t = one - two / (Vector.Exp(two * Vector.Abs(x)) + one);
                Vector.CopySign(t, x).CopyTo(values[i..]);
            }
        }
        for (; i < values.Length; i++)
        {
            double x = values[i];
            values[i] = Math.CopySign(1.0 - 2.0 / (Math.Exp(2.0 * Math.Abs(x)) + 1.0), x);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // vector code: optimised from its first call in the host
    private static double Max(ReadOnlySpan<double> values)
    {
        double max = double.NegativeInfinity;
        foreach (double value in values)
        {
            max = Math.Max(max, value);
        }
        return max;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // vector code: optimised from its first call in the host
    private static double SumOfExp(ReadOnlySpan<double> values)
    {
        double sum = 0;
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var lanes = Vector<double>.Zero;
            for (; i <= values.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                lanes += Vector.Exp(new Vector<double>(values[i..]));
            }
            sum = Vector.Sum(lanes);
        }
        for (; i < values.Length; i++)
        {
            sum += Math.Exp(values[i]);
        }
        return sum;
    }

    // logits[c] = bias[c] + hidden[0] * w[0, c] + hidden[1] * w[1, c] + ..., added in that order, one multiply then one add
    // each: the loop over the hidden units runs inside, four vectors of logits kept in registers all through it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // vector code: optimised from its first call in the host
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // vector code: optimised from its first call in the host
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
