using System.Collections.Immutable;
using RsiSim.Agents.Common;
using RsiSim.Core.Agents;

namespace RsiSim.Agents.BestOfN;

/// <summary>n independent samples, each built from the reference, never from what came before; the loop keeps the best.</summary>
/// <remarks>The parallel-sampling baseline: a search strategy that cannot beat it has learned nothing from its history.</remarks>
internal sealed class BestOfNAgent(int samples, int depth) : IAgent
{
    public ValueTask<Proposal> ProposeAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Attempt > samples)
        {
            return ValueTask.FromResult(Proposal.Finished($"all {samples} samples drawn"));
        }
        var random = context.Random;
        var moves = ImmutableSortedSet<string>.Empty;
        int length = 1 + random.NextInt(depth);
        for (int step = 0; step < length; step++)
        {
            var applicable = MoveNeighbourhood.Applicable(context, moves);
            if (applicable.Count == 0)
            {
                break;
            }
            moves = moves.Add(applicable[random.NextInt(applicable.Count)].Id);
        }
        var candidate = ComposedCandidates.For(context.Task, moves);
        return ValueTask.FromResult(Proposal.Candidate(candidate, $"sample {context.Attempt}: {string.Join(", ", moves)}") with { ParentHash = context.Reference.Hash });
    }
}
