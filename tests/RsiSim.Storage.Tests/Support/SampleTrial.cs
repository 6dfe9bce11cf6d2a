using RsiSim.Core.Agents;
using RsiSim.Core.Attempts;
using RsiSim.Core.Budgets;
using RsiSim.Core.Candidates;
using RsiSim.Core.Evaluations;
using RsiSim.Core.Runs;
using RsiSim.Core.Trials;

namespace RsiSim.Storage.Tests.Support;

/// <summary>Plays one trial's events the way the trial loop emits them, cycling through statuses, with every field distinct.</summary>
internal sealed class SampleTrial(TrialKey key, ulong seed, AttemptStatus[]? cycle = null)
{
    private static readonly AttemptStatus[] Cycle =
        [AttemptStatus.Improved, AttemptStatus.NotFaster, AttemptStatus.CompileError, AttemptStatus.WrongResult, AttemptStatus.AgentError];

    public static Candidate Reference { get; } = Candidate.FromSource("// reference\npublic sealed class Model { }\n");

    private BudgetUsage _spent = BudgetUsage.Zero;

    public TrialKey Key => key;

    public List<AttemptCompleted> Written { get; } = [];

    public Candidate Best { get; private set; } = Reference;

    public double BestSpeedup { get; private set; } = 1.0;

    public TrialStarted Start(bool resumed = false) => new(key, seed, resumed);

    /// <summary>The next attempt: improved, not-faster, compile-error, wrong-result, agent-error, then again.</summary>
    public AttemptCompleted Next(string? source = null)
    {
        int index = Written.Count + 1;
        var statuses = cycle ?? Cycle;
        var status = statuses[(index - 1) % statuses.Length];
        var candidate = status == AttemptStatus.AgentError
            ? null
            : Candidate.FromSource(source ?? $"// {key} attempt {index}\npublic sealed class Model {{ int Step => {index}; }}\n", Best.Hash, ["flat-arrays", $"move-{index}"]);
        var (evaluation, speedup) = SampleEvaluations.For(status, index, BestSpeedup);
        if (status == AttemptStatus.Improved)
        {
            Best = candidate!;
            BestSpeedup = speedup!.Value;
        }
        var usage = new AgentUsage(100 * index + 1, 7 * index + 3, 0.0123m * index, 1.5 * index + 0.25);
        _spent = new BudgetUsage(
            index, TimeSpan.FromTicks(12_345_678L * index + 1), _spent.Tokens + usage.Tokens, _spent.Money + usage.Cost, _spent.SimulatedHours + usage.SimulatedMinutes / 60);
        var record = new AttemptRecord(
            index, status, candidate?.Hash, candidate?.ParentHash, $"attempt {index} of {key}", candidate?.Moves ?? [],
            speedup, BestSpeedup, $"detail {index}: {status}", usage, _spent);
        var completed = new AttemptCompleted(key, record, candidate, evaluation, RandomState(index));
        Written.Add(completed);
        return completed;
    }

    public TrialFinished Finish(string reason = "attempts") => new(key, new TrialOutcome(key, reason, BestSpeedup, Best.Hash, Written.Count));

    public ulong RandomState(int index) => (0xF000_0000_0000_0000UL + (ulong)index * 977UL) ^ seed;
}
