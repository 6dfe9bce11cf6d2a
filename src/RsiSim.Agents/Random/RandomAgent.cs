using RsiSim.Agents.Common;
using RsiSim.Core.Agents;

namespace RsiSim.Agents.Random;

/// <summary>Applies a random applicable move to the best candidate so far: the baseline every search must beat.</summary>
internal sealed class RandomAgent : IAgent
{
    public ValueTask<Proposal> ProposeAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var applied = context.Best.Candidate.Moves;
        var moves = MoveNeighbourhood.Applicable(context, applied);
        if (moves.Count == 0)
        {
            return ValueTask.FromResult(Proposal.Finished("no move applies to the best candidate"));
        }
        var move = moves[context.Random.NextInt(moves.Count)];
        return ValueTask.FromResult(MoveNeighbourhood.Propose(context, applied, move));
    }
}
