using System.Globalization;
using RsiSim.Reporting.Stats;
using RsiSim.Storage.Certifications;

namespace RsiSim.Reporting;

/// <summary>How reports write numbers, so the HTML, the terminal and the tests agree digit for digit.</summary>
public static class ReportFormat
{
    private static CultureInfo Invariant => CultureInfo.InvariantCulture;

    /// <summary>"2.02x"; "–" for NaN (an arm without trials).</summary>
    public static string Speedup(double value) => double.IsNaN(value) ? "–" : value.ToString("0.00", Invariant) + "x";

    /// <summary>"[1.80x, 2.40x]".</summary>
    public static string Interval(double low, double high) => double.IsNaN(low) ? "–" : $"[{Speedup(low)}, {Speedup(high)}]";

    /// <summary>A probability as "0.75".</summary>
    public static string Probability(double value) => double.IsNaN(value) ? "–" : value.ToString("0.00", Invariant);

    /// <summary>A p-value as "0.032", or "&lt;0.001".</summary>
    public static string PValue(double value) => double.IsNaN(value) ? "–" : value < 0.001 ? "<0.001" : value.ToString("0.000", Invariant);

    /// <summary>"5 / 12".</summary>
    public static string Ratio(int part, int whole) => $"{Count(part)} / {Count(whole)}";

    /// <summary>"12,345".</summary>
    public static string Count(long value) => value.ToString("#,0", Invariant);

    /// <summary>"$0.1234".</summary>
    public static string Money(decimal value) => "$" + value.ToString("#,0.00##", Invariant);

    /// <summary>Attempts to reach a speedup: "3" or "4.5" (median), or "not reached", with how many trials reached it when not all did.</summary>
    public static string Milestone(Milestone milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        string median = milestone.MedianAttempts is { } m ? m.ToString("0.#", Invariant) : "not reached";
        return milestone.TrialsReached == milestone.Trials || milestone.TrialsReached == 0
            ? median
            : $"{median} ({milestone.TrialsReached}/{milestone.Trials} trials)";
    }

    /// <summary>A signed share, "+8.0%" or "-3.1%".</summary>
    public static string Percent(double share) => (share >= 0 ? "+" : "") + (share * 100).ToString("0.0", Invariant) + "%";

    /// <summary>Whether a certified speedup agrees with RsiSim's: "agrees", "DISAGREES", or why it was not certified.</summary>
    public static string Agreement(CertifiedArm arm)
    {
        ArgumentNullException.ThrowIfNull(arm);
        string tolerance = (CertifiedArm.AgreementTolerance * 100).ToString("0", Invariant) + "%";
        return arm.Agrees switch
        {
            true => $"agrees (within {tolerance})",
            false => $"DISAGREES (more than {tolerance} apart)",
            null => $"not certified: {arm.Status}",
        };
    }

    /// <summary>"2.20 ms", "1.35 s".</summary>
    public static string Seconds(double seconds) =>
        seconds < 1 ? (seconds * 1000).ToString("0.00", Invariant) + " ms" : seconds.ToString("0.00", Invariant) + " s";

    /// <summary>A time in UTC, "2026-11-27 13:38:17Z".</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", Invariant);
}
