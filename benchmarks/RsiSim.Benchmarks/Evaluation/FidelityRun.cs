using System.Globalization;
using RsiSim.Benchmarks.Machine;
using RsiSim.Core.Candidates;
using RsiSim.Core.Evaluations;
using RsiSim.Core.Tasks;
using RsiSim.Evaluation;
using RsiSim.Evaluation.Sandbox;
using RsiSim.Evaluation.Timing;
using RsiSim.Tasks.TinyLm;

namespace RsiSim.Benchmarks.Evaluation;

/// <summary>The fidelity of <c>rsisim eval</c>: the mid-way candidate evaluated N times, and the coefficient of variation of its speedups.</summary>
/// <remarks>
/// Not a BenchmarkDotNet benchmark: the figure is the spread of RsiSim's own measurement, so it runs RsiSim's evaluator
/// exactly as <c>rsisim eval</c> builds it (sandboxed workers, the default sandbox, the given timing options), each
/// evaluation fresh, on its own hidden seed. <c>--unplaced</c> leaves the workers' CPUs to the scheduler, as before
/// pairs were placed; <c>--warmup</c>, <c>--repetitions</c> (the least) and <c>--most-repetitions</c> change the timing (as
/// <c>rsisim eval</c>'s options of those names do), <c>--settle MS</c> the settle window; <c>--candidate file.cs</c>
/// measures another tinylm candidate. Before each evaluation and after the last, <see cref="MachineProbe"/> times a fixed
/// piece of work 10 times on the runs' CPU (half a second), and the figure says whether the machine itself held steady:
/// on this shared machine its own speed can swing by half for minutes, and then no measurement is steady.
/// <c>--no-probe</c> leaves the probe out.
/// </remarks>
internal static class FidelityRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        int evaluations = ConsoleArguments.Number(args, "--evaluations", 5);
        string size = ConsoleArguments.Text(args, "--size") ?? TinyLmSize.Small.Name;
        var defaults = TimingOptions.Adaptive();
        var timing = defaults with
        {
            WarmupRuns = ConsoleArguments.Number(args, "--warmup", defaults.WarmupRuns),
            Repetitions = ConsoleArguments.Number(args, "--repetitions", defaults.Repetitions),
            MostRepetitions = ConsoleArguments.Number(args, "--most-repetitions", defaults.MostRepetitions),
        };
        string? file = ConsoleArguments.Text(args, "--candidate");
        var candidate = Candidate.FromSource(file is null ? TinyLmTask.Instance.Compose(TinyLmTask.Instance.Landmark(Landmark.MidWay).Moves) : File.ReadAllText(file));
        var sandbox = ConsoleArguments.Sandbox(args);
        bool placed = sandbox.PlaceRuns;
        await using var evaluator = CandidateEvaluator.Create(new EvaluatorOptions { Timing = timing, Sandbox = sandbox });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fidelity: {(file is null ? "mid-way candidate" : file)} {candidate.Hash}, tinylm/{size}, {evaluations} evaluations, each {timing.WarmupRuns} warm-up and {timing.PairsText} timed pairs, settle window {sandbox.SettleWindow.TotalMilliseconds} ms, {(placed ? "every run on one CPU" : "CPUs left to the scheduler")}, load average {MachineLoad.Text()}"));
        bool probing = MachineProbe.Available && !args.Contains("--no-probe");
        var probes = new List<ProbeResult>();
        var speedups = new List<double>();
        for (int i = 0; i < evaluations; i++)
        {
            string machine = probing ? ", machine before it: " + Probe(probes) : "";
            var result = await evaluator.EvaluateAsync(new EvaluationRequest("tinylm", size, candidate, 9_000UL + (ulong)i, Fresh: true), CancellationToken.None);
            if (result.Timing is not { } measured)
            {
                Console.WriteLine($"evaluation {i + 1}: {result.Status}: {result.Summary}");
                return 1;
            }
            speedups.Add(measured.Speedup);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"evaluation {i + 1}: {measured} reference {measured.BaselineMedian * 1000:0.0} ms candidate {measured.CandidateMedian * 1000:0.0} ms, {measured.CandidateSeconds.Length} pairs, load average {MachineLoad.Text()}{machine}"));
            if (args.Contains("--runs"))
            {
                Console.WriteLine("  reference ms: " + string.Join(" ", measured.BaselineSeconds.Select(s => (s * 1000).ToString("0", CultureInfo.InvariantCulture))));
                Console.WriteLine("  candidate ms: " + string.Join(" ", measured.CandidateSeconds.Select(s => (s * 1000).ToString("0", CultureInfo.InvariantCulture))));
            }
        }
        if (probing)
        {
            Console.WriteLine("machine after the last evaluation: " + Probe(probes));
        }
        double mean = speedups.Average();
        double sd = SampleSpread.StandardDeviation(speedups);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"speedup median {Statistics.Median(speedups):0.000}x (from {speedups.Min():0.000}x to {speedups.Max():0.000}x), mean {mean:0.000}x, standard deviation {sd:0.000}, coefficient of variation {sd / mean * 100:0.0}% (target at most 3%), load average {MachineLoad.Text()}"));
        if (probing)
        {
            Console.WriteLine(Steadiness(probes));
        }
        return 0;
    }

    /// <summary>Probes the machine, keeps the result, and says it as "probe median ... ms, ..., coefficient of variation ...".</summary>
    private static string Probe(List<ProbeResult> probes)
    {
        var probe = MachineProbe.Measure(repetitions: 10, pause: 20);
        probes.Add(probe);
        return "probe " + probe.Spread;
    }

    /// <summary>Whether the machine held steady through the sitting, by its probes.</summary>
    private static string Steadiness(List<ProbeResult> probes)
    {
        int unsteady = probes.Count(p => !p.Steady);
        double worst = probes.Max(p => p.CoefficientOfVariation);
        return unsteady == 0
            ? string.Create(CultureInfo.InvariantCulture,
                $"machine steady in all {probes.Count} probes (coefficient of variation at most {worst:0.0%}; steady: at most {ProbeResult.SteadyAtMost:0%})")
            : string.Create(CultureInfo.InvariantCulture,
                $"machine UNSTEADY in {unsteady} of {probes.Count} probes (coefficient of variation up to {worst:0.0%}; steady: at most {ProbeResult.SteadyAtMost:0%}): a spread past the target may be the machine's own; measure again when -- steadiness is steady (docs/evaluation.md, \"The machine's own spread\")");
    }
}
