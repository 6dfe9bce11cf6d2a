namespace RsiSim.Core.Evaluations;

/// <summary>Compiles, checks, runs and times candidates. Expected failures come back as statuses, never as exceptions.</summary>
public interface IEvaluator
{
    ValueTask<EvaluationResult> EvaluateAsync(EvaluationRequest request, CancellationToken cancellationToken);

    /// <summary>Says which evaluation is likely next (its task, size and hidden seed, which the agent never sees) while the
    /// agent is still proposing its candidate: an evaluator may prepare what does not depend on the candidate meanwhile.
    /// A hint only: nothing is owed to it, and an evaluation it did not name is made as usual. Nothing by default.</summary>
    void Expect(string taskId, string size, ulong hiddenSeed)
    {
    }
}
