using RsiSim.Core.Agents;
using RsiSim.Core.Attempts;
using RsiSim.Core.Budgets;
using RsiSim.Core.Candidates;
using RsiSim.Core.Evaluations;
using RsiSim.Core.Runs;
using RsiSim.Core.Trials;
using RsiSim.Tasks;

namespace RsiSim.Reporting.Tests.Support;

/// <summary>A trial written attempt by attempt with numbers the test chooses, the way the trial loop emits its events.</summary>
internal sealed class ScriptedTrial(string arm, int index, ulong seed = 1000)
{
    public static string ReferenceSource { get; } = BuiltInTasks.Instance.Find("tinylm")!.ReferenceSource;

    private BudgetUsage _spent = BudgetUsage.Zero;
    private Candidate _best = Candidate.FromSource(ReferenceSource);

    public TrialKey Key { get; } = new(arm, index);

    public ulong Seed => seed;

    public List<AttemptCompleted> Attempts { get; } = [];

    public double BestSpeedup { get; private set; } = 1.0;

    /// <summary>Seconds each timed repetition of the reference takes in this trial's evaluations.</summary>
    public double ReferenceSeconds { get; init; } = 0.010;

    public double WallPerAttempt { get; init; } = 2;

    public long TokensPerAttempt { get; init; }

    public decimal CostPerAttempt { get; init; }

    public double MinutesPerAttempt { get; init; }

    /// <summary>Adds an attempt; a valid one needs its speedup. The caller says improved only when it beats the best, as the loop would.</summary>
    public ScriptedTrial Add(AttemptStatus status, double? speedup = null)
    {
        double wallSeconds = WallPerAttempt;
        long tokens = TokensPerAttempt;
        decimal cost = CostPerAttempt;
        double minutes = MinutesPerAttempt;
        int attempt = Attempts.Count + 1;
        bool proposed = status is not (AttemptStatus.AgentError or AttemptStatus.EditFailed);
        var candidate = proposed
            ? Candidate.FromSource(_best.Source + $"\n// {Key} attempt {attempt}\n", _best.Hash, [$"move-{attempt}"])
            : null;
        var evaluation = Evaluation(status, speedup);
        if (status == AttemptStatus.Improved)
        {
            _best = candidate!;
            BestSpeedup = speedup!.Value;
        }
        var usage = new AgentUsage(tokens / 2, tokens - tokens / 2, cost, minutes);
        _spent = new BudgetUsage(attempt, _spent.Wall + TimeSpan.FromSeconds(wallSeconds), _spent.Tokens + tokens, _spent.Money + cost, _spent.SimulatedHours + minutes / 60);
        var record = new AttemptRecord(
            attempt, status, candidate?.Hash, candidate?.ParentHash, $"attempt {attempt} of {Key}", candidate?.Moves ?? [],
            status.IsValid() ? speedup : null, BestSpeedup, $"{status.ToName()} at attempt {attempt}", usage, _spent);
        Attempts.Add(new AttemptCompleted(Key, record, candidate, evaluation, seed + (ulong)attempt));
        return this;
    }

    public TrialStarted Start() => new(Key, seed, false);

    public TrialFinished Finish() => new(Key, new TrialOutcome(Key, "attempts", BestSpeedup, _best.Hash, Attempts.Count));

    private EvaluationResult? Evaluation(AttemptStatus status, double? speedup)
    {
        if (status.IsValid())
        {
            double s = speedup ?? throw new ArgumentException("a valid attempt needs its speedup", nameof(speedup));
            double b = ReferenceSeconds;
            var timing = new SpeedupMeasurement(s, s * 0.95, s * 1.05, [b, b * 1.01, b * 0.99], [b / s, b / s, b / s]);
            return new EvaluationResult(EvaluationStatus.Passed, $"{s:0.00}x", [], [], timing);
        }
        return status switch
        {
            AttemptStatus.WrongResult => EvaluationResult.Failed(EvaluationStatus.WrongResult, "held-out-loss off by 31%"),
            AttemptStatus.CompileError => EvaluationResult.Failed(EvaluationStatus.CompileError, "(3,5): CS1002: ; expected"),
            _ => null,
        };
    }
}
