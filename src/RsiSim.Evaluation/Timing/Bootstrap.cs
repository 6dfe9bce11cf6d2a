using RsiSim.Core.Evaluations;
using RsiSim.Core.Randomness;

namespace RsiSim.Evaluation.Timing;

/// <summary>A seeded percentile bootstrap of the ratio of medians.</summary>
public static class Bootstrap
{
    public static (double Low, double High) RatioOfMedians(IReadOnlyList<double> numerator, IReadOnlyList<double> denominator, ulong seed, int resamples = 2000)
    {
        ArgumentNullException.ThrowIfNull(numerator);
        ArgumentNullException.ThrowIfNull(denominator);
        var random = new SplitMix64(seed);
        var ratios = new double[resamples];
        var a = new double[numerator.Count];
        var b = new double[denominator.Count];
        for (int r = 0; r < resamples; r++)
        {
            for (int i = 0; i < a.Length; i++)
            {
                a[i] = numerator[random.NextInt(a.Length)];
            }
            for (int i = 0; i < b.Length; i++)
            {
                b[i] = denominator[random.NextInt(b.Length)];
            }
            // Sorted where they lie: nothing allocated per resample (an evaluation that adds pairs bootstraps after each).
            ratios[r] = Statistics.MedianInPlace(a) / Statistics.MedianInPlace(b);
        }
        Array.Sort(ratios);
        return (Statistics.Quantile(ratios, 0.025), Statistics.Quantile(ratios, 0.975));
    }
}
