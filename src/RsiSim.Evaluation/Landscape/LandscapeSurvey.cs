using RsiSim.Core.Candidates;
using RsiSim.Core.Evaluations;
using RsiSim.Core.Moves;
using RsiSim.Core.Randomness;
using RsiSim.Core.Tasks;

namespace RsiSim.Evaluation.Landscape;

/// <summary>Measures every move of a task alone and its contribution to the expert composition, through the evaluator
/// (so through its cache: a second survey on the same machine times nothing unless asked to re-measure).</summary>
public sealed class LandscapeSurvey(IEvaluator evaluator)
{
    public async Task<LandscapeReport> MeasureAsync(ITask task, string size, bool remeasure, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var expertSet = task.Landmark(Landmark.Expert).Moves.ToHashSet(StringComparer.Ordinal);
        var expert = await EvaluateAsync(task, size, expertSet, "expert", remeasure, progress, cancellationToken).ConfigureAwait(false);
        var humanLandmark = task.Landmarks.FirstOrDefault(l => l.Name == Landmark.HumanExpert);
        var human = humanLandmark is null ? null
            : await EvaluateAsync(task, size, humanLandmark.Moves, Landmark.HumanExpert, remeasure, progress, cancellationToken).ConfigureAwait(false);
        var entries = new List<LandscapeEntry>();
        foreach (var move in task.Moves.All)
        {
            var alone = await EvaluateAsync(task, size, task.Moves.Closure(move.Id), move.Id, remeasure, progress, cancellationToken).ConfigureAwait(false);
            EvaluationResult? without = null;
            double? contribution = null;
            if (expertSet.Contains(move.Id))
            {
                var reduced = expertSet.Where(m => !task.Moves.Closure(m).Contains(move.Id)).ToHashSet(StringComparer.Ordinal);
                without = await EvaluateAsync(task, size, reduced, "expert without " + move.Id, remeasure, progress, cancellationToken).ConfigureAwait(false);
                contribution = expert.Speedup / without.Speedup;
            }
            entries.Add(new LandscapeEntry(move, alone, without, contribution));
        }
        return new LandscapeReport(task.Id, size, expert, human, entries);
    }

    private async Task<EvaluationResult> EvaluateAsync(ITask task, string size, IReadOnlyCollection<string> moves, string label, bool remeasure, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        progress?.Report(label);
        var candidate = Candidate.FromSource(task.Compose(moves), moves: moves);
        var request = new EvaluationRequest(task.Id, size, candidate, SplitMix64.Derive(0x1A4D5CA9E, label), Fresh: remeasure);
        return await evaluator.EvaluateAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
