using System.Collections.Immutable;
using RsiSim.Core.Candidates;
using RsiSim.Core.Evaluations;
using RsiSim.Core.Moves;
using RsiSim.Core.Tasks;

namespace RsiSim.Evaluation.Simulation;

/// <summary>A landscape made up by a fixed rule instead of measured: a wrong move is a wrong result, and each correct
/// move multiplies the speedup by 1 + tier / 10, with five reference and five candidate times around it.</summary>
/// <remarks>
/// For exercising the simulation machinery (agents, cached draws, the loop) where the figures do not matter: the
/// tests of agents' statistics and the simulation throughput benchmark, on a machine whose landscape is not warm.
/// It runs no candidate code, so it is never behind a scenario; real runs measure.
/// </remarks>
public sealed class SyntheticLandscape(ITask task) : IEvaluator
{
    private int _measured;

    /// <summary>How many evaluations it has made up.</summary>
    public int Measured => _measured;

    public ValueTask<EvaluationResult> EvaluateAsync(EvaluationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Interlocked.Increment(ref _measured);
        return ValueTask.FromResult(Record(task, request.Candidate));
    }

    /// <summary>The made-up evaluation of <paramref name="candidate"/>.</summary>
    public static EvaluationResult Record(ITask task, Candidate candidate)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(candidate);
        var moves = candidate.Moves.Select(m => task.Moves[m]).ToList();
        if (moves.Any(m => m.Kind == MoveKind.Wrong))
        {
            return EvaluationResult.Failed(EvaluationStatus.WrongResult, "check checkpoint-loss failed");
        }
        double speedup = moves.Aggregate(1.0, (s, m) => s * (1 + m.Tier / 10.0));
        ImmutableArray<double> baseline = [1.00, 1.02, 0.98, 1.01, 0.99];
        ImmutableArray<double> times = [.. baseline.Select(b => b / speedup)];
        return new EvaluationResult(EvaluationStatus.Passed, $"{speedup:0.00}x", [], [], new SpeedupMeasurement(speedup, speedup * 0.97, speedup * 1.03, baseline, times));
    }
}
