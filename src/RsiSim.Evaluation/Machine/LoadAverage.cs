using System.Globalization;

namespace RsiSim.Evaluation.Machine;

/// <summary>The machine's load average, which every timing figure should be quoted with on a shared machine.</summary>
public static class LoadAverage
{
    private const string ProcFile = "/proc/loadavg";

    /// <summary>The one-minute load average, or null where the OS does not publish it (only Linux's /proc is read).</summary>
    public static double? OneMinute()
    {
        try
        {
            string? first = File.Exists(ProcFile) ? File.ReadAllText(ProcFile).Split(' ', 2)[0] : null;
            return first is not null && double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out double load) ? load : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
