using BenchmarkDotNet.Attributes;
using RsiSim.Tasks.Harness;

namespace RsiSim.Certification.Measuring;

/// <summary>One whole training run of a program on the certification's fixed seed: what RsiSim times, measured by BenchmarkDotNet.</summary>
/// <remarks>
/// Public and unsealed because BenchmarkDotNet requires it. Each iteration is one invocation: the run's data is drawn
/// in <see cref="Prepare"/> (untimed, as a worker's "prepare"), and <see cref="Run"/> is exactly the calls a worker times.
/// </remarks>
#pragma warning disable CA1515 // BenchmarkDotNet only measures public types.
public class TrainingRunBenchmark
#pragma warning restore CA1515
{
    private IPreparedRun? _prepared;

    [ParamsSource(nameof(Programs))]
    public string Program { get; set; } = "";

    public static IEnumerable<string> Programs => BenchmarkPrograms.Names;

    [IterationSetup]
    public void Prepare() => _prepared = BenchmarkPrograms.Prepare(Program);

    [Benchmark]
    public RunOutput Run()
    {
        var prepared = _prepared ?? throw new InvalidOperationException("the run was not prepared");
        _prepared = null;
        return prepared.Run();
    }
}
