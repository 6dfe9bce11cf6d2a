namespace RsiSim.Core.Evaluations;

/// <summary>The few robust statistics timing needs.</summary>
public static class Statistics
{
    public static double Median(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return MedianInPlace([.. values]);
    }

    /// <summary>The median of <paramref name="values"/>, sorting the array where it lies: nothing allocated (a bootstrap
    /// takes thousands of them).</summary>
    public static double MedianInPlace(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length == 0)
        {
            return double.NaN;
        }
        Array.Sort(values);
        int mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    /// <summary>Median absolute deviation divided by the median.</summary>
    public static double RelativeMad(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = values.ToList();
        double median = Median(list);
        return Median(list.Select(v => Math.Abs(v - median))) / median;
    }

    /// <summary>The q-quantile (0..1) with linear interpolation.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return double.NaN;
        }
        double position = q * (sorted.Count - 1);
        int lower = (int)Math.Floor(position);
        int upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}
