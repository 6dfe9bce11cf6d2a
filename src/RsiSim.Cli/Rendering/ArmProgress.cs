using RsiSim.Core.Attempts;
using RsiSim.Core.Evaluations;

namespace RsiSim.Cli.Rendering;

/// <summary>What one arm has done so far: attempts by status, each trial's best, tokens and cost.</summary>
internal sealed class ArmProgress(string name, string agent, int trials)
{
    private readonly Dictionary<int, double> _bestByTrial = [];
    private readonly Dictionary<int, int> _attemptsByTrial = [];

    public string Name => name;

    public string Agent => agent;

    public int Trials => trials;

    public int FinishedTrials { get; private set; }

    public int Attempts { get; private set; }

    public long Tokens { get; private set; }

    public decimal Cost { get; private set; }

    public Dictionary<AttemptStatus, int> ByStatus { get; } = [];

    public string LastStatus { get; private set; } = "";

    /// <summary>Every trial's best so far; trials not started yet count as 1x.</summary>
    public IReadOnlyList<double> TrialBests => [.. Enumerable.Range(0, trials).Select(t => _bestByTrial.GetValueOrDefault(t, 1.0))];

    public double MedianBest => Statistics.Median(TrialBests);

    public double MaxBest => TrialBests.Max();

    public int Valid => ByStatus.Where(p => p.Key.IsValid()).Sum(p => p.Value);

    public void Record(int trial, AttemptRecord attempt)
    {
        Attempts++;
        _attemptsByTrial[trial] = attempt.Index;
        ByStatus[attempt.Status] = ByStatus.GetValueOrDefault(attempt.Status) + 1;
        _bestByTrial[trial] = attempt.BestSpeedup;
        Tokens += attempt.Usage.Tokens;
        Cost += attempt.Usage.Cost;
        LastStatus = attempt.Status.ToName();
    }

    public void Finish(int trial, double best)
    {
        FinishedTrials++;
        _bestByTrial[trial] = best;
    }
}
