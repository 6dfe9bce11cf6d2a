using System.Globalization;

namespace RsiSim.Benchmarks.Evaluation;

/// <summary>The few <c>--name value</c> options of the benchmarks' console modes.</summary>
internal static class ConsoleArguments
{
    public static int Number(string[] args, string name, int fallback) =>
        Text(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public static string? Text(string[] args, string name)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
