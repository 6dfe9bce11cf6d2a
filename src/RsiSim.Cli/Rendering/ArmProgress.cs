using RsiSim.Core.Attempts;
using RsiSim.Core.Evaluations;

namespace RsiSim.Cli.Rendering;

/// <summary>What one arm has done so far: attempts by status, each trial's best, tokens and cost.</summary>
/// <param name="profile">The persona profile the arm simulates, if it is a persona arm.</param>
/// <param name="compounding">The arm's compounding alpha (0 for the plain loop).</param>
internal sealed class ArmProgress(string name, string agent, int trials, string? profile = null, double compounding = 0)
{
    /// <summary>The speedup whose simulated hours are tracked per trial: a skilled human's published 4x.</summary>
    public const double HoursTarget = 4.0;

    private readonly Dictionary<int, double> _bestByTrial = [];
    private readonly Dictionary<int, double> _hoursToTarget = [];
    private readonly Dictionary<int, int> _attemptsByTrial = [];

    public string Name => name;

    public string Agent => agent;

    public int Trials => trials;

    public string? Profile => profile;

    /// <summary>The arm's compounding alpha: 0 is the plain loop, the loop the published figures were measured in.</summary>
    public double Compounding => compounding;

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

    /// <summary>The mean of the trials' bests: the published table's "average best speedup".</summary>
    public double MeanBest => TrialBests.Average();

    /// <summary>Per trial, the simulated hours spent when its best first reached <see cref="HoursTarget"/>; null if it never did.</summary>
    public IReadOnlyList<double?> HoursToTarget => [.. Enumerable.Range(0, trials).Select(t => _hoursToTarget.TryGetValue(t, out double h) ? h : (double?)null)];

    public int Valid => ByStatus.Where(p => p.Key.IsValid()).Sum(p => p.Value);

    public void Record(int trial, AttemptRecord attempt)
    {
        Attempts++;
        _attemptsByTrial[trial] = attempt.Index;
        ByStatus[attempt.Status] = ByStatus.GetValueOrDefault(attempt.Status) + 1;
        _bestByTrial[trial] = attempt.BestSpeedup;
        if (attempt.BestSpeedup >= HoursTarget && !_hoursToTarget.ContainsKey(trial))
        {
            _hoursToTarget[trial] = attempt.Spent.SimulatedHours;
        }
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
