using RsiSim.Tasks.Harness;

namespace RsiSim.Certification.Measuring;

/// <summary>The programs the in-process benchmark measures, by name: BenchmarkDotNet creates the benchmark object itself, so it finds them here.</summary>
/// <remarks>One certification at a time per process; <see cref="BenchmarkMeasurer"/> holds the lock while they are set.</remarks>
internal static class BenchmarkPrograms
{
    private static IReadOnlyDictionary<string, Func<IPreparedRun>> _programs = new Dictionary<string, Func<IPreparedRun>>();

    public static readonly Lock Lock = new();

    public static IEnumerable<string> Names => _programs.Keys;

    public static void Set(IReadOnlyDictionary<string, Func<IPreparedRun>> programs) => _programs = programs;

    public static void Clear() => _programs = new Dictionary<string, Func<IPreparedRun>>();

    /// <summary>Draws the data of one run of <paramref name="name"/> from the fixed seed, untimed.</summary>
    public static IPreparedRun Prepare(string name) =>
        _programs.TryGetValue(name, out var prepare) ? prepare() : throw new InvalidOperationException($"no program '{name}' to measure");
}
