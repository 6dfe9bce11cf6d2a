using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using RsiSim.Core.Candidates;
using RsiSim.Core.Evaluations;
using RsiSim.Core.Tasks;
using RsiSim.Evaluation;
using RsiSim.Evaluation.Caching;
using RsiSim.Evaluation.Compilation;
using RsiSim.Evaluation.Policy;
using RsiSim.Evaluation.Sandbox;
using RsiSim.Evaluation.Timing;
using RsiSim.Tasks;
using RsiSim.Tasks.TinyLm;

namespace RsiSim.Benchmarks.Evaluation;

/// <summary>The overhead of one evaluation beyond the programs' own timed runs: apply the edit, compile (Roslyn warm),
/// policy, start and load the workers, hand runs over and back, check, bootstrap, stop the workers.</summary>
/// <remarks>
/// Each evaluation gets a new candidate (the mid-way composition, with a line that changes its hash), so it is compiled
/// for real by a warm compiler, as in a run. The evaluator is the one <c>rsisim run</c> builds (sandboxed workers, default
/// sandbox and timing: exactly 5 timed pairs); a recording runner around its workers tells where the time went.
/// Overhead = edit + evaluation wall time − the host's clock around every timed region (warm-up runs included), + the
/// reference's first warm-up run less its second where that first run went beside the candidate worker's start (its
/// stretch is the part of the start it hid; <c>--start-first</c> makes it wait, as before).
/// The first evaluation warms Roslyn and the JIT and is not counted. <c>--pause MS</c> waits that long before each counted
/// evaluation, as an agent's turn does in a run, and tells the evaluator which evaluation comes next as the pause begins
/// (<see cref="CandidateEvaluator.Expect"/>, as <c>rsisim run</c> does): the spare worker a session's end starts is ready
/// by then, and the runs' inputs are drawn; without it the evaluations come back to back, the spare's start and the
/// drawing beside the next compile. <c>--no-spare</c> starts no spare, <c>--worker-draws</c> has the workers draw the runs' data.
/// </remarks>
internal static class OverheadRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        int evaluations = ConsoleArguments.Number(args, "--evaluations", 10);
        string size = ConsoleArguments.Text(args, "--size") ?? TinyLmSize.Small.Name;
        int pause = ConsoleArguments.Number(args, "--pause", 0);
        var task = TinyLmTask.Instance;
        var moves = task.Landmark(Landmark.MidWay).Moves;
        var timing = new TimingOptions();
        await using var workers = new WorkerCandidateRunner(ConsoleArguments.Sandbox(args));
        var recorder = new RecordingCandidateRunner(workers);
        using var gate = new TimingGate();
        var evaluator = new CandidateEvaluator(BuiltInTasks.Instance, new CandidateCompiler(), CandidatePolicy.Default, recorder,
            new TimingProtocol(timing), new MemoryEvaluationCache(), gate, NullLogger<CandidateEvaluator>.Instance);
        Console.WriteLine(Invariant($"overhead: mid-way composition of tinylm/{size}, 1 uncounted + {evaluations} evaluations, each {timing.WarmupRuns} warm-up and {timing.Repetitions} timed pairs, settle window {recorder.Options.SettleWindow.TotalMilliseconds} ms, {Environment.ProcessorCount} cores, load average {MachineLoad.Text()}"));

        var rows = new List<OverheadRow>();
        for (int i = 0; i <= evaluations; i++)
        {
            if (i > 0 && pause > 0)
            {
                // As a run does: the evaluator hears of the next evaluation while the agent proposes its candidate.
                evaluator.Expect(task.Id, size, Seed(i));
                await Task.Delay(pause);
            }
            long start = Stopwatch.GetTimestamp();
            var candidate = Candidate.FromSource(task.Compose(moves) + $"\n// overhead probe {i}\n");
            double edit = Stopwatch.GetElapsedTime(start).TotalSeconds;
            recorder.Reset();
            start = Stopwatch.GetTimestamp();
            var result = await evaluator.EvaluateAsync(new EvaluationRequest(task.Id, size, candidate, Seed(i)), CancellationToken.None);
            double wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (result.Status != EvaluationStatus.Passed)
            {
                Console.WriteLine($"evaluation {i}: {result.Status}: {result.Summary}");
                return 1;
            }
            var row = OverheadRow.From(edit, wall, recorder.Ledger);
            Console.WriteLine((i == 0 ? "uncounted " : $"evaluation {i}: ") + row + Invariant($", load average {MachineLoad.Text()}"));
            if (i > 0)
            {
                rows.Add(row);
            }
        }
        Console.WriteLine("median: " + OverheadRow.Median(rows) + Invariant($" (target: overhead at most 100 ms), load average {MachineLoad.Text()}"));
        return 0;
    }

    private static ulong Seed(int evaluation) => 7_000UL + (ulong)evaluation;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
