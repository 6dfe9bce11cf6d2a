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

/// <summary>Measures programs with BenchmarkDotNet in this process (no-emit in-process toolchain, a ShortRun job), in rounds:
/// every program once a round, one after another, the order reversed from one round to the next.</summary>
/// <remarks>Each round is one BenchmarkDotNet run of every program; its first round warms each program up
/// <see cref="CertificationOptions.WarmupIterations"/> times, the later ones once (other programs ran in between).</remarks>
internal sealed class BenchmarkMeasurer(CertificationOptions options, ILogger logger)
{
    public string JobDescription => options.Rounds == 1
        ? string.Create(CultureInfo.InvariantCulture,
            $"BenchmarkDotNet ShortRun, InProcessNoEmitToolchain, {options.WarmupIterations} warm-up + {options.Iterations} iterations of 1 training run in 1 round, outliers kept")
        : string.Create(CultureInfo.InvariantCulture,
            $"BenchmarkDotNet ShortRun, InProcessNoEmitToolchain, {options.Iterations} iterations of 1 training run in {options.Rounds} rounds (the order reversed each round), {options.WarmupIterations} warm-up in the first, {options.WarmupIn(1)} in each later one, outliers kept");

    /// <summary>The job of round <paramref name="round"/> (from 0): ShortRun, one whole training run per iteration, every
    /// measurement kept (RsiSim's medians drop none either).</summary>
    public Job JobOf(int round) => Job.ShortRun
        .WithToolchain(new InProcessNoEmitToolchain(TimeSpan.FromHours(2), logOutput: true))
        .WithWarmupCount(options.WarmupIn(round))
        .WithIterationCount(options.IterationsIn(round))
        .WithInvocationCount(1)
        .WithUnrollFactor(1)
        .WithOutlierMode(OutlierMode.DontRemove)
        .WithId("certify");

    /// <summary>The order programs are measured in round <paramref name="round"/>: as given in even rounds, reversed in odd ones.</summary>
    public static IReadOnlyList<string> OrderOf(IReadOnlyList<string> names, int round) => round % 2 == 0 ? names : [.. names.Reverse()];

    /// <summary>The seconds of each measured run of each program, round by round, by name, in the order given (the reference
    /// first). A program BenchmarkDotNet gave no result for in a round is measured no more and named with that round (from 1);
    /// after the reference's failure no round is measured.</summary>
    public BenchmarkMeasurement Measure(IReadOnlyList<KeyValuePair<string, Func<IPreparedRun>>> programs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(programs);
        var alive = programs.Select(p => p.Key).ToList();
        string? reference = alive.FirstOrDefault();
        var rounds = alive.ToDictionary(n => n, _ => new List<IReadOnlyList<double>>(), StringComparer.Ordinal);
        var failed = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int round = 0; round < options.Rounds && reference is not null && !failed.ContainsKey(reference); round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var measured = MeasureRound(programs.Where(p => alive.Contains(p.Key)).ToDictionary(StringComparer.Ordinal), OrderOf(alive, round), round);
            foreach (string name in alive.ToList())
            {
                if (measured.TryGetValue(name, out var seconds))
                {
                    rounds[name].Add(seconds);
                }
                else
                {
                    failed[name] = round + 1;
                    alive.Remove(name);
                }
            }
        }
        return new BenchmarkMeasurement(
            rounds.Where(r => alive.Contains(r.Key) && r.Value.Count == options.Rounds).ToDictionary(r => r.Key, r => new ProgramTimes(r.Value), StringComparer.Ordinal),
            failed);
    }

    private Dictionary<string, IReadOnlyList<double>> MeasureRound(IReadOnlyDictionary<string, Func<IPreparedRun>> programs, IReadOnlyList<string> order, int round)
    {
        string artifacts = Directory.CreateTempSubdirectory("rsisim-certify-").FullName;
        try
        {
            var config = ManualConfig.CreateEmpty()
                .AddJob(JobOf(round))
                .AddLogger(new BenchmarkLogger(logger))
                .AddColumnProvider(DefaultColumnProviders.Instance)
                .WithOrderer(new RoundOrderer(order))
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
                        .ToDictionary(
                            r => (string)r.BenchmarkCase.Parameters[nameof(TrainingRunBenchmark.Program)],
                            r => (IReadOnlyList<double>)[.. r.ResultStatistics!.OriginalValues.Select(ns => ns / 1e9)],
                            StringComparer.Ordinal);
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
