using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Mathematics;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.NoEmit;
using Microsoft.Extensions.Logging;
using Perfolizer.Mathematics.OutlierDetection;
using RsiSim.Tasks.Harness;

namespace RsiSim.Certification.Measuring;

/// <summary>Measures programs one after another with BenchmarkDotNet in this process (no-emit in-process toolchain, a ShortRun job).</summary>
internal sealed class BenchmarkMeasurer(CertificationOptions options, ILogger logger)
{
    /// <summary>The job: ShortRun, one whole training run per iteration, every measurement kept (RsiSim's medians drop none either).</summary>
    public Job Job { get; } = Job.ShortRun
        .WithToolchain(new InProcessNoEmitToolchain(TimeSpan.FromHours(2), logOutput: true))
        .WithWarmupCount(options.WarmupIterations)
        .WithIterationCount(options.Iterations)
        .WithInvocationCount(1)
        .WithUnrollFactor(1)
        .WithOutlierMode(OutlierMode.DontRemove)
        .WithId("certify");

    public string JobDescription => string.Create(CultureInfo.InvariantCulture,
        $"BenchmarkDotNet ShortRun, InProcessNoEmitToolchain, {options.WarmupIterations} warm-up + {options.Iterations} iterations of 1 training run, outliers kept");

    /// <summary>Median seconds of one run of each program, by name; a program whose benchmark failed is absent.</summary>
    public Dictionary<string, double> Measure(IReadOnlyDictionary<string, Func<IPreparedRun>> programs)
    {
        ArgumentNullException.ThrowIfNull(programs);
        string artifacts = Directory.CreateTempSubdirectory("rsisim-certify-").FullName;
        try
        {
            var config = ManualConfig.CreateEmpty()
                .AddJob(Job)
                .AddLogger(new BenchmarkLogger(logger))
                .AddColumnProvider(DefaultColumnProviders.Instance)
                .WithArtifactsPath(artifacts)
                // A Debug build of rsisim runs the harness unoptimised, alike for both programs and as in the worker;
                // the programs themselves are always Roslyn Release images.
                .WithOptions(ConfigOptions.DisableOptimizationsValidator | ConfigOptions.DisableLogFile);
            lock (BenchmarkPrograms.Lock)
            {
                BenchmarkPrograms.Set(programs);
                try
                {
                    var summary = BenchmarkRunner.Run<TrainingRunBenchmark>(config);
                    return summary.Reports
                        .Where(r => r.Success && r.ResultStatistics is not null)
                        .ToDictionary(r => (string)r.BenchmarkCase.Parameters[nameof(TrainingRunBenchmark.Program)], r => r.ResultStatistics!.Median / 1e9, StringComparer.Ordinal);
                }
                finally
                {
                    BenchmarkPrograms.Clear();
                }
            }
        }
        finally
        {
            Directory.Delete(artifacts, recursive: true);
        }
    }
}
