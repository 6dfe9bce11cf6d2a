using System.Text.Json;

namespace RsiSim.Evaluation.Machine;

/// <summary>This machine's measured FP32 peak, measured once and cached per machine in the cache folder.</summary>
/// <param name="MachineId">The machine it was measured on.</param>
/// <param name="Threads">Threads the peak was measured with (every core).</param>
/// <param name="PeakGflops">FP32 GFLOP/s of the FMA kernel on all threads.</param>
/// <param name="SingleThreadGflops">FP32 GFLOP/s of the kernel on one thread.</param>
/// <param name="MeasuredAt">When.</param>
public sealed record MachineProfile(string MachineId, int Threads, double PeakGflops, double SingleThreadGflops, DateTimeOffset MeasuredAt)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The cached profile of this machine, measuring it first if there is none or <paramref name="remeasure"/> is set.</summary>
    public static MachineProfile Load(TimeProvider time, bool remeasure = false)
    {
        ArgumentNullException.ThrowIfNull(time);
        string file = CacheDirectory.File($"machine-{MachineIdentity.Id}.json");
        if (!remeasure && File.Exists(file))
        {
            try
            {
                if (JsonSerializer.Deserialize<MachineProfile>(File.ReadAllText(file)) is { } cached && cached.MachineId == MachineIdentity.Id)
                {
                    return cached;
                }
            }
            catch (JsonException)
            {
                // A damaged cache file is measured again below.
            }
        }
        int threads = System.Environment.ProcessorCount;
        var profile = new MachineProfile(
            MachineIdentity.Id,
            threads,
            PeakFlops.Measure(threads, TimeSpan.FromMilliseconds(300)),
            PeakFlops.Measure(1, TimeSpan.FromMilliseconds(300)),
            time.GetUtcNow());
        File.WriteAllText(file, JsonSerializer.Serialize(profile, Json));
        return profile;
    }
}
