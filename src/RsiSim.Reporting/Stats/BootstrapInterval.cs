using RsiSim.Core.Evaluations;
using RsiSim.Core.Randomness;

namespace RsiSim.Reporting.Stats;

/// <summary>A seeded percentile bootstrap of the mean: the same data and seed give the same interval on every machine.</summary>
internal static class BootstrapInterval
{
    public const int DefaultResamples = 10_000;

    /// <summary>The 95% interval of the mean of <paramref name="values"/>; a single value is its own interval, none gives NaN.</summary>
    public static (double Low, double High) OfMean(IReadOnlyList<double> values, ulong seed, int resamples = DefaultResamples)
    {
        if (values.Count == 0)
        {
            return (double.NaN, double.NaN);
        }
        var random = new SplitMix64(seed);
        var means = new double[resamples];
        for (int r = 0; r < resamples; r++)
        {
            double sum = 0;
            for (int i = 0; i < values.Count; i++)
            {
                sum += values[random.NextInt(values.Count)];
            }
            means[r] = sum / values.Count;
        }
        Array.Sort(means);
        return (Statistics.Quantile(means, 0.025), Statistics.Quantile(means, 0.975));
    }
}
