using System.Runtime.CompilerServices;

namespace RsiSim.Tasks.Harness;

/// <summary>The harness's held-out loss of each reference run, scored once: when <see cref="ITaskHarness.Anticipate"/>
/// scored it while the reference's worker settled, the pair's checks find it there.</summary>
/// <remarks>Held by the run's output itself (weakly): an output that is no longer used takes its score with it.</remarks>
public sealed class ReferenceScores
{
    private readonly ConditionalWeakTable<RunOutput, Score> _scores = new();

    /// <summary>The loss of <paramref name="reference"/> on the held-out data of <paramref name="size"/> and
    /// <paramref name="seed"/>: remembered, or scored now and remembered.</summary>
    public double Of(RunOutput reference, string size, ulong seed, Func<RunOutput, double> score)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(score);
        if (_scores.TryGetValue(reference, out var known) && known.Size == size && known.Seed == seed)
        {
            return known.Loss;
        }
        double loss = score(reference);
        _scores.AddOrUpdate(reference, new Score(size, seed, loss));
        return loss;
    }

    private sealed record Score(string Size, ulong Seed, double Loss);
}
