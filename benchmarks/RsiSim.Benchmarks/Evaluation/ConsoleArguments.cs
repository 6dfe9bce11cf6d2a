using System.Globalization;
using RsiSim.Evaluation.Sandbox;

namespace RsiSim.Benchmarks.Evaluation;

/// <summary>The few <c>--name value</c> options of the benchmarks' console modes.</summary>
internal static class ConsoleArguments
{
    public static int Number(string[] args, string name, int fallback) =>
        Text(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    /// <summary>The sandbox with <c>--settle MS</c> (the settle window), <c>--unplaced</c> (CPUs left to the scheduler),
    /// <c>--no-spare</c> (no worker started ahead for the next candidate), <c>--start-first</c> (the reference's first run
    /// waits for the candidate's worker to start and load, as before it could go beside them),
    /// <c>--worker-draws</c> (each worker draws its runs' data from their seeds, as before the host drew them) and
    /// <c>--worker PATH</c> (another build of RsiSim.Worker.dll, e.g. one published ReadyToRun) applied.</summary>
    public static SandboxOptions Sandbox(string[] args)
    {
        var defaults = new SandboxOptions();
        return defaults with
        {
            SettleWindow = TimeSpan.FromMilliseconds(Number(args, "--settle", (int)defaults.SettleWindow.TotalMilliseconds)),
            PlaceRuns = !args.Contains("--unplaced"),
            SpareWorker = !args.Contains("--no-spare"),
            FirstRunBesideStart = !args.Contains("--start-first"),
            DrawInputsInHost = !args.Contains("--worker-draws"),
            WorkerPath = Text(args, "--worker") is { } worker ? Path.GetFullPath(worker) : defaults.WorkerPath,
        };
    }

    public static string? Text(string[] args, string name)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
