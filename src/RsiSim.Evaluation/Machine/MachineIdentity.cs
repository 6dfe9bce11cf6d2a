using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace RsiSim.Evaluation.Machine;

/// <summary>Names the machine timings were taken on: CPU model, core count, OS and runtime, hashed.</summary>
public static class MachineIdentity
{
    private static readonly Lazy<string> Description = new(Describe);

    /// <summary>A human-readable line, e.g. "AMD EPYC, 2 cores, Linux, .NET 10.0.12".</summary>
    public static string Text => Description.Value;

    /// <summary>A short stable id of <see cref="Text"/>.</summary>
    public static string Id => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text)))[..12];

    private static string Describe()
    {
        string cpu = "unknown CPU";
        if (File.Exists("/proc/cpuinfo"))
        {
            cpu = File.ReadLines("/proc/cpuinfo")
                .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
        }
        return $"{cpu}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription.Split(' ')[0]}, {RuntimeInformation.FrameworkDescription}";
    }
}
