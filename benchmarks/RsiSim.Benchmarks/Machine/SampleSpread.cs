namespace RsiSim.Benchmarks.Machine;

/// <summary>The sample standard deviation the console modes quote beside their figures (coefficient of variation: it over
/// the mean).</summary>
internal static class SampleSpread
{
    public static double StandardDeviation(IReadOnlyCollection<double> values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }

    public static double CoefficientOfVariation(IReadOnlyCollection<double> values) => StandardDeviation(values) / values.Average();
}
