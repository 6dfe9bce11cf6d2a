using System.Globalization;
using RsiSim.Evaluation.Machine;

namespace RsiSim.Benchmarks.Evaluation;

/// <summary>The one-minute load average as the console modes print it beside every figure.</summary>
internal static class MachineLoad
{
    public static string Text() => LoadAverage.OneMinute() is { } load ? load.ToString("0.00", CultureInfo.InvariantCulture) : "unknown";
}
