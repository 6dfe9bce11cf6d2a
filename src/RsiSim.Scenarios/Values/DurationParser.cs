using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace RsiSim.Scenarios.Values;

/// <summary>Durations as scenarios write them: "90s", "5m", "1h30m", "2.5h", "500ms", "1d", or a plain number of seconds.</summary>
internal static partial class DurationParser
{
    public const string Forms = "a duration such as 90s, 5m, 1h30m or a number of seconds";

    private static readonly (string Unit, double Seconds)[] Units = [("d", 86400), ("h", 3600), ("m", 60), ("s", 1), ("ms", 0.001)];

    /// <summary>The duration in seconds (negative when written with '-'), or null when the text is not a duration.</summary>
    public static double? Seconds(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain))
        {
            return double.IsFinite(plain) ? plain : null;
        }
        var match = UnitsPattern().Match(text);
        if (!match.Success || !Units.Any(u => match.Groups[u.Unit].Success))
        {
            return null;
        }
        var total = 0.0;
        foreach (var (unit, seconds) in Units)
        {
            if (match.Groups[unit].Success)
            {
                total += double.Parse(match.Groups[unit].Value, CultureInfo.InvariantCulture) * seconds;
            }
        }
        return match.Groups["sign"].Success ? -total : total;
    }

    /// <summary>The shortest form that reads back as the same duration, e.g. "1h30m", "90ms" as "0.09s".</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }
        var builder = new StringBuilder(duration < TimeSpan.Zero ? "-" : "");
        var left = Math.Abs(duration.TotalSeconds);
        var hours = Math.Floor(left / 3600);
        var minutes = Math.Floor((left - (hours * 3600)) / 60);
        var seconds = left - (hours * 3600) - (minutes * 60);
        if (hours > 0)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{hours}h");
        }
        if (minutes > 0)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{minutes}m");
        }
        if (seconds > 0)
        {
            builder.Append(seconds.ToString("0.###", CultureInfo.InvariantCulture)).Append('s');
        }
        return builder.ToString();
    }

    // Units in falling order, each at most once; the numbers may have a fraction ("2.5h").
    [GeneratedRegex(@"^(?<sign>-)?(?:(?<d>\d+(?:\.\d+)?)d)?(?:(?<h>\d+(?:\.\d+)?)h)?(?:(?<m>\d+(?:\.\d+)?)m)?(?:(?<s>\d+(?:\.\d+)?)s)?(?:(?<ms>\d+(?:\.\d+)?)ms)?$", RegexOptions.CultureInvariant)]
    private static partial Regex UnitsPattern();
}
