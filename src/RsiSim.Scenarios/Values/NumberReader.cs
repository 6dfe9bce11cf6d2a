using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace RsiSim.Scenarios.Values;

/// <summary>Reads whole numbers, numbers, amounts of money and durations from YAML scalars, each within its bounds.</summary>
internal sealed class NumberReader(ScalarReader scalars)
{
    private ScenarioDiagnostics Diagnostics => scalars.Diagnostics;

    public long? WholeNumber(YamlNode node, string path, Bounds<long> bounds)
    {
        var text = scalars.Scalar(node, path, "a whole number");
        if (text is null)
        {
            return null;
        }
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return InRange(node, path, value, bounds, Show);
        }
        var message = !IsInteger(text) ? $"expected a whole number, found {NodeText.Quote(text)}"
            : text.TrimStart().StartsWith('-') ? $"{NodeText.Quote(text)} is too small: must be at least {Show(bounds.Min)}"
            : $"{NodeText.Quote(text)} is too large: must be at most {Show(bounds.Max)}";
        Diagnostics.Error(path, node.Start, message);
        return null;
    }

    /// <summary>A whole number from 0 to <see cref="ulong.MaxValue"/>, as seeds are.</summary>
    public ulong? Unsigned(YamlNode node, string path)
    {
        var text = scalars.Scalar(node, path, "a non-negative whole number");
        if (text is null)
        {
            return null;
        }
        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        var message = !IsInteger(text) ? $"expected a non-negative whole number, found {NodeText.Quote(text)}"
            : text.TrimStart().StartsWith('-') ? $"must not be negative, found {NodeText.Quote(text)}"
            : $"{NodeText.Quote(text)} is too large: must be at most {ulong.MaxValue}";
        Diagnostics.Error(path, node.Start, message);
        return null;
    }

    public double? Number(YamlNode node, string path, Bounds<double> bounds)
    {
        var text = scalars.Scalar(node, path, "a number");
        if (text is null)
        {
            return null;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            Diagnostics.Error(path, node.Start, $"expected a finite number, found {NodeText.Quote(text)}");
            return null;
        }
        return InRange(node, path, value, bounds, Show);
    }

    public decimal? Money(YamlNode node, string path, Bounds<decimal> bounds)
    {
        var text = scalars.Scalar(node, path, "an amount of money");
        if (text is null)
        {
            return null;
        }
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            var message = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                ? $"{NodeText.Quote(text)} is too large: must be at most {Show(bounds.Max)}"
                : $"expected an amount of money such as 12.50, found {NodeText.Quote(text)}";
            Diagnostics.Error(path, node.Start, message);
            return null;
        }
        return InRange(node, path, value, bounds, Show);
    }

    public TimeSpan? Duration(YamlNode node, string path, Bounds<TimeSpan> bounds)
    {
        var text = scalars.Scalar(node, path, DurationParser.Forms);
        if (text is null)
        {
            return null;
        }
        if (DurationParser.Seconds(text) is not { } seconds)
        {
            Diagnostics.Error(path, node.Start, $"expected {DurationParser.Forms}, found {NodeText.Quote(text)}");
            return null;
        }
        if (Math.Abs(seconds) > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            Diagnostics.Error(path, node.Start, $"{NodeText.Quote(text)} is too long: must be at most {DurationParser.Format(bounds.Max)}");
            return null;
        }
        return InRange(node, path, TimeSpan.FromSeconds(seconds), bounds, DurationParser.Format);
    }

    private T? InRange<T>(YamlNode node, string path, T value, Bounds<T> bounds, Func<T, string> show)
        where T : struct, IComparable<T>
    {
        if (bounds.Check(value, show) is { } problem)
        {
            Diagnostics.Error(path, node.Start, problem);
            return null;
        }
        return value;
    }

    private static bool IsInteger(string text)
    {
        var trimmed = text.Trim().TrimStart('-', '+');
        return trimmed.Length > 0 && trimmed.All(char.IsAsciiDigit);
    }

    private static string Show(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Show(double value) => value.ToString("G", CultureInfo.InvariantCulture);

    private static string Show(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
