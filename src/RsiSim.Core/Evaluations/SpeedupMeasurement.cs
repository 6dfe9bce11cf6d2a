using System.Collections.Immutable;

namespace RsiSim.Core.Evaluations;

/// <summary>Timings of a candidate against the reference, measured interleaved in one session.</summary>
/// <param name="Speedup">Median reference time over median candidate time.</param>
/// <param name="Low">Lower bound of the 95% confidence interval of the speedup.</param>
/// <param name="High">Upper bound of the 95% confidence interval of the speedup.</param>
/// <param name="BaselineSeconds">Every timed repetition of the reference.</param>
/// <param name="CandidateSeconds">Every timed repetition of the candidate.</param>
public sealed record SpeedupMeasurement(double Speedup, double Low, double High, ImmutableArray<double> BaselineSeconds, ImmutableArray<double> CandidateSeconds)
{
    public double BaselineMedian => Statistics.Median(BaselineSeconds);

    public double CandidateMedian => Statistics.Median(CandidateSeconds);

    /// <summary>Relative spread of the candidate's times: median absolute deviation over median.</summary>
    public double CandidateSpread => Statistics.RelativeMad(CandidateSeconds);

    public override string ToString() => $"{Speedup:0.00}x [{Low:0.00}, {High:0.00}]";
}
