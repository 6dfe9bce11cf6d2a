using System.Collections.Immutable;
using RsiSim.Core.Candidates;
using RsiSim.Core.Evaluations;
using RsiSim.Core.Moves;
using RsiSim.Core.Tasks;
using RsiSim.Evaluation.Caching;

namespace RsiSim.Agents.Tests.Support;

/// <summary>Stands in for the live evaluator behind cached measurement: it "records" an evaluation for each new candidate
/// from a fixed rule (a wrong move is a wrong result; each correct move multiplies the speedup by 1 + tier / 10, with
/// five reference and five candidate times around it). The agents and the cached draws under test are the real ones.</summary>
internal sealed class RecordedLandscape(ITask task) : IEvaluator
{
    public int Measured { get; private set; }

    public ValueTask<EvaluationResult> EvaluateAsync(EvaluationRequest request, CancellationToken cancellationToken)
    {
        Measured++;
        return ValueTask.FromResult(Record(task, request.Candidate));
    }

    public static EvaluationResult Record(ITask task, Candidate candidate)
    {
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
