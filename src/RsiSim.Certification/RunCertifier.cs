using System.Globalization;
using Microsoft.Extensions.Logging;
using RsiSim.Certification.Loading;
using RsiSim.Certification.Measuring;
using RsiSim.Certification.Planning;
using RsiSim.Core.Candidates;
using RsiSim.Core.Randomness;
using RsiSim.Core.Tasks;
using RsiSim.Evaluation.Compilation;
using RsiSim.Evaluation.Machine;
using RsiSim.Evaluation.Policy;
using RsiSim.Storage.Certifications;
using RsiSim.Storage.Reading;
using RsiSim.Tasks.Harness;

namespace RsiSim.Certification;

/// <summary>Re-measures a run's reference and each arm's best candidate with BenchmarkDotNet, one whole training run per iteration, and sets the median of the rounds' ratios of medians beside RsiSim's own speedup.</summary>
/// <remarks>
/// Each candidate is compiled again, passes the static policy again, and must pass the task's checks against the reference
/// on the certification's seed before it is measured. Programs are measured whole, one after another, in a few rounds whose
/// order alternates (<see cref="CertificationOptions.Rounds"/>), not run by run as RsiSim's pairs are: this is an independent
/// method, not a second copy of RsiSim's protocol, and every iteration repeats one seed.
/// </remarks>
public sealed partial class RunCertifier(ITaskCatalog tasks, CandidateCompiler compiler, CandidatePolicy policy, TimeProvider time, string toolVersion, ILogger<RunCertifier> logger)
{
    public RunCertification Certify(StoredRun run, CertificationOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var task = tasks.Find(run.Manifest.TaskId) as IHarnessedTask
            ?? throw new InvalidOperationException($"this rsisim has no task '{run.Manifest.TaskId}' to certify the run with");
        string size = run.Manifest.Size;
        ulong seed = options.Seed ?? SplitMix64.Derive(run.Manifest.Seed, "certify");
        double? load = LoadAverage.OneMinute();
        var targets = CertificationPlanner.Plan(run, task);

        using var loader = new ProgramLoader(compiler, policy, task.Harness);
        var reference = Candidate.FromSource(task.ReferenceSource);
        var referenceProgram = loader.Load(reference.Source, reference.Hash);
        var createReference = referenceProgram.Create ?? throw new InvalidOperationException($"the {task.Id} reference does not load: {referenceProgram.Detail}");
        var referenceOutput = task.Harness.Prepare(size, seed, createReference).Run();

        var programs = new List<KeyValuePair<string, Func<IPreparedRun>>> { new(reference.Hash, () => task.Harness.Prepare(size, seed, createReference)) };
        var refusals = new Dictionary<string, (string Status, string Detail)>(StringComparer.Ordinal);
        foreach (var target in targets.Where(t => !t.IsReference).DistinctBy(t => t.CandidateHash))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var loaded = loader.Load(target.Source, target.CandidateHash);
            if (loaded.Create is not { } create)
            {
                refusals[target.CandidateHash] = (loaded.Status!, loaded.Detail);
            }
            else if (Check(task.Harness, size, seed, create, referenceOutput) is { } failure)
            {
                refusals[target.CandidateHash] = failure;
            }
            else
            {
                programs.Add(new(target.CandidateHash, () => task.Harness.Prepare(size, seed, create)));
            }
        }
        LogMeasuring(logger, programs.Count, size, seed);
        cancellationToken.ThrowIfCancellationRequested();
        var measurer = new BenchmarkMeasurer(options, logger);
        var measured = measurer.Measure(programs, cancellationToken);
        if (!measured.Times.TryGetValue(reference.Hash, out var referenceTimes))
        {
            throw new InvalidOperationException($"the reference could not be measured: {measured.NoResult(reference.Hash, options.Rounds)}");
        }
        var arms = targets.Select(t => Result(t, reference.Hash, referenceTimes, measured, refusals, options)).ToList();
        return new RunCertification(time.GetUtcNow(), seed, measurer.JobDescription, toolVersion, load, arms);
    }

    // The candidate's checks on the certification's seed, against the reference's run: a figure for a wrong program means nothing.
    private static (string Status, string Detail)? Check(ITaskHarness harness, string size, ulong seed, Func<object> create, RunOutput reference)
    {
        RunOutput output;
        try
        {
            output = harness.Prepare(size, seed, create).Run();
        }
#pragma warning disable CA1031 // Whatever the candidate throws is its failure; the other arms are still certified.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ("crash", $"{ex.GetType().Name}: {ex.Message}");
        }
        var failed = harness.Check(size, seed, output, reference).FirstOrDefault(c => !c.Passed);
        return failed is null ? null : ("wrong-result", $"check {failed.Name} failed on the certification's seed: {failed.Detail}");
    }

    private static CertifiedArm Result(
        CertificationTarget target, string referenceHash, ProgramTimes reference, BenchmarkMeasurement measured,
        Dictionary<string, (string Status, string Detail)> refusals, CertificationOptions options)
    {
        var arm = new CertifiedArm(target.Arm, target.Trial, target.CandidateHash, CertifiedArm.CertifiedStatus, target.RsiSimSpeedup,
            target.RsiSimLow, target.RsiSimHigh, reference.Median, null, null, "");
        if (refusals.TryGetValue(target.CandidateHash, out var refusal))
        {
            return arm with { Status = refusal.Status, ReferenceMedianSeconds = null, Detail = refusal.Detail };
        }
        string hash = target.IsReference ? referenceHash : target.CandidateHash;
        if (!measured.Times.TryGetValue(hash, out var candidate))
        {
            return arm with { Status = "crash", Detail = measured.NoResult(hash, options.Rounds) };
        }
        if (target.IsReference)
        {
            return arm with { CandidateMedianSeconds = reference.Median, CertifiedSpeedup = 1, Detail = "the arm never improved: its best is the reference itself" };
        }
        var rounds = ProgramTimes.RoundSpeedups(reference, candidate);
        string detail = string.Create(CultureInfo.InvariantCulture,
            $"medians of {options.Iterations} runs each: reference {reference.Median * 1000:0.0} ms, candidate {candidate.Median * 1000:0.0} ms; by round {string.Join(", ", rounds.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture) + "x"))}");
        return arm with { CandidateMedianSeconds = candidate.Median, CertifiedSpeedup = ProgramTimes.Speedup(reference, candidate), Detail = detail };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Measuring {Programs} programs with BenchmarkDotNet at size {Size} on seed {Seed}")]
    private static partial void LogMeasuring(ILogger logger, int programs, string size, ulong seed);
}
