using RsiSim.Agents.Common;
using RsiSim.Core.Agents;

namespace RsiSim.Agents.Greedy;

/// <summary>Hill-climbs over moves: tries, in a seeded random order, each move not yet tried on the best candidate;
/// the loop keeps any that beats the best, and the climb continues from there.</summary>
/// <remarks>Everything it knows comes from the trial's history, so a resumed trial continues the same climb.</remarks>
internal sealed class GreedyAgent : IAgent
{
    public ValueTask<Proposal> ProposeAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var applied = context.Best.Candidate.Moves;
        var tried = MoveNeighbourhood.Tried(context);
        var untried = MoveNeighbourhood.Applicable(context, applied)
            .Where(m => !tried.Contains(MoveNeighbourhood.Key(applied.Add(m.Id))))
            .ToList();
        if (untried.Count == 0)
        {
            return ValueTask.FromResult(Proposal.Finished("every move has been tried on the best candidate: a local optimum"));
        }
        var move = untried[context.Random.NextInt(untried.Count)];
        return ValueTask.FromResult(MoveNeighbourhood.Propose(context, applied, move));
    }
}
