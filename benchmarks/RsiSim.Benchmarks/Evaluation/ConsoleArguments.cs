using System.Globalization;
using RsiSim.Evaluation.Sandbox;

namespace RsiSim.Benchmarks.Evaluation;

/// <summary>The few <c>--name value</c> options of the benchmarks' console modes.</summary>
internal static class ConsoleArguments
{
    public static int Number(string[] args, string name, int fallback) =>
        Text(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    /// <summary>The sandbox with <c>--settle MS</c> (the settle window) and <c>--unplaced</c> (CPUs left to the scheduler) applied.</summary>
    public static SandboxOptions Sandbox(string[] args)
    {
        var defaults = new SandboxOptions();
        return defaults with
        {
            SettleWindow = TimeSpan.FromMilliseconds(Number(args, "--settle", (int)defaults.SettleWindow.TotalMilliseconds)),
            PlaceRuns = !args.Contains("--unplaced"),
        };
    }

    public static string? Text(string[] args, string name)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
