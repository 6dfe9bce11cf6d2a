using System.Collections.Immutable;
using RsiSim.Core.Agents;
using RsiSim.Core.Moves;

namespace RsiSim.Agents.Common;

/// <summary>The candidates one move away from a candidate built from moves, and what the trial already tried.</summary>
internal static class MoveNeighbourhood
{
    /// <summary>Moves that can be added to <paramref name="applied"/>.</summary>
    public static IReadOnlyList<Move> Applicable(AgentContext context, IReadOnlySet<string> applied) =>
        [.. context.Task.Moves.Applicable(applied)];

    /// <summary>The move sets proposed so far in this trial, whatever became of them.</summary>
    public static HashSet<string> Tried(AgentContext context) =>
        [.. context.History.Where(a => a.CandidateHash is not null || a.Moves.Count > 0).Select(a => Key(a.Moves))];

    public static string Key(IEnumerable<string> moves) => string.Join('+', moves.Order(StringComparer.Ordinal));

    /// <summary>A proposal of <paramref name="applied"/> plus <paramref name="move"/>, composed from the reference.</summary>
    public static Proposal Propose(AgentContext context, IReadOnlySet<string> applied, Move move, string? parentHash = null)
    {
        ImmutableSortedSet<string> moves = [.. applied, move.Id];
        return Proposal.Candidate(ComposedCandidates.For(context.Task, moves), $"apply {move.Id}: {move.Title}") with { ParentHash = parentHash };
    }
}
