namespace RsiSim.Reporting.Stats;

/// <summary>The Mann-Whitney U test of two arms' trial bests: the probability one beats the other, and how surprising that is.</summary>
internal static class MannWhitney
{
    /// <summary>Pooled samples up to this size get an exact p-value; counting the splits costs about n³/2 steps.</summary>
    public const int ExactLimit = 60;

    public static PairwiseComparison Compare(string a, string b, IReadOnlyList<double> x, IReadOnlyList<double> y, int exactLimit = ExactLimit)
    {
        if (x.Count == 0 || y.Count == 0)
        {
            return new PairwiseComparison(a, b, double.NaN, double.NaN, Exact: false);
        }
        double u = U(x, y);
        double probability = u / ((double)x.Count * y.Count);
        bool exact = x.Count + y.Count <= exactLimit;
        var ranks = MidRanks([.. x, .. y]);
        double p = exact ? ExactPValue(ranks, x.Count, u) : NormalPValue(ranks, x.Count, y.Count, u);
        return new PairwiseComparison(a, b, probability, p, exact);
    }

    /// <summary>Pairs (x, y) with x &gt; y, plus half the ties.</summary>
    public static double U(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        double u = 0;
        foreach (double xi in x)
        {
            foreach (double yj in y)
            {
                u += xi > yj ? 1 : xi == yj ? 0.5 : 0;
            }
        }
        return u;
    }

    /// <summary>Ranks from 1, tied values sharing the mean of their ranks.</summary>
    public static double[] MidRanks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (int start = 0; start < order.Length;)
        {
            int end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }
            for (int k = start; k <= end; k++)
            {
                ranks[order[k]] = (start + end + 2) / 2.0;
            }
            start = end + 1;
        }
        return ranks;
    }

    /// <summary>The share of all splits of the pooled ranks into groups of nx and the rest whose U lies at least as far from its mean as the observed one.</summary>
    private static double ExactPValue(double[] ranks, int nx, double observedU)
    {
        // Mid-ranks are multiples of 1/2: doubled, they are integers, and the splits can be counted by rank sum.
        var doubled = ranks.Select(r => (int)Math.Round(2 * r)).ToArray();
        int maxSum = doubled.Sum();
        var ways = new double[nx + 1, maxSum + 1];
        ways[0, 0] = 1;
        for (int i = 0; i < doubled.Length; i++)
        {
            for (int k = Math.Min(i + 1, nx); k >= 1; k--)
            {
                for (int s = maxSum; s >= doubled[i]; s--)
                {
                    ways[k, s] += ways[k - 1, s - doubled[i]];
                }
            }
        }
        double mean = nx * (ranks.Length - nx) / 2.0;
        double observed = Math.Abs(observedU - mean);
        double total = 0;
        double extreme = 0;
        for (int s = 0; s <= maxSum; s++)
        {
            double u = s / 2.0 - nx * (nx + 1) / 2.0;
            total += ways[nx, s];
            extreme += Math.Abs(u - mean) >= observed - 1e-9 ? ways[nx, s] : 0;
        }
        return Math.Min(1, extreme / total);
    }

    private static double NormalPValue(double[] ranks, int nx, int ny, double u)
    {
        int n = nx + ny;
        double ties = ranks.GroupBy(r => r).Sum(g => Math.Pow(g.Count(), 3) - g.Count());
        double variance = nx * (double)ny / 12 * (n + 1 - ties / (n * (n - 1.0)));
        if (variance <= 0)
        {
            return 1;
        }
        double z = Math.Max(0, Math.Abs(u - nx * (double)ny / 2) - 0.5) / Math.Sqrt(variance);
        return Math.Min(1, 2 * NormalUpperTail(z));
    }

    /// <summary>P(Z &gt; z) for a standard normal Z (Abramowitz and Stegun 7.1.26, error below 1.5e-7).</summary>
    private static double NormalUpperTail(double z)
    {
        double x = z / Math.Sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        return 0.5 * poly * Math.Exp(-x * x);
    }
}
