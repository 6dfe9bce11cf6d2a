using System.Collections.Immutable;
using RsiSim.Agents.Common;
using RsiSim.Core.Agents;
using RsiSim.Core.Attempts;
using RsiSim.Core.Moves;

namespace RsiSim.Agents.Persona;

/// <summary>A simulated agent walking the task's real landscape of moves: the speedups it gets are measurements of real code.</summary>
/// <remarks>
/// Each attempt: choose a base (its best, or after a failure sometimes the failed candidate, as agents that do not
/// revert do); pick a move that occurs to it (weighted by its insight into the move's tier) or tinker without a new
/// idea; slip in a bug with its bug rate. Everything it remembers comes from the trial's history and random stream.
/// </remarks>
internal sealed class PersonaAgent(PersonaSettings settings) : IAgent
{
    /// <summary>The weight of having no new idea: the attempt re-proposes its base, which cannot be faster.</summary>
    private const double IdleWeight = 0.3;

    public ValueTask<Proposal> ProposeAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var random = context.Random;
        var library = context.Task.Moves;
        var applied = ChooseBase(context, random.NextDouble());
        var recent = RecentlyTried(context);
        var ideas = library.Applicable(applied)
            .Where(m => m.Kind == MoveKind.Correct && m.Tier <= settings.KnownTier && !recent.Contains(MoveNeighbourhood.Key(applied.Add(m.Id))))
            .ToList();
        var usage = settings.Usage;
        if (ideas.Count == 0 && applied.SetEquals(context.Best.Candidate.Moves) && recent.Contains(MoveNeighbourhood.Key(applied)))
        {
            return ValueTask.FromResult(Proposal.Finished("no move it knows is left to try"));
        }
        var move = Pick(ideas, random.NextDouble());
        if (move is null)
        {
            return ValueTask.FromResult(Proposal.Candidate(ComposedCandidates.For(context.Task, applied), "tinkers without a new idea", usage));
        }
        var moves = applied.Add(move.Id);
        string description = $"apply {move.Id}";
        if (random.NextDouble() < settings.BugRate && PickBug(library, moves, move, random.NextDouble()) is { } bug)
        {
            moves = moves.Add(bug.Id);
            description += $" (with a bug: {bug.Id})";
        }
        return ValueTask.FromResult(Proposal.Candidate(ComposedCandidates.For(context.Task, moves), description, usage));
    }

    // After a failed attempt a persona that does not revert builds on the failed candidate.
    private ImmutableSortedSet<string> ChooseBase(AgentContext context, double draw)
    {
        var last = context.History.Count > 0 ? context.History[^1] : null;
        bool failed = last is not null && !last.Status.IsValid() && last.Moves.Count > 0;
        return failed && draw >= settings.RevertRate ? last!.Moves : context.Best.Candidate.Moves;
    }

    private HashSet<string> RecentlyTried(AgentContext context) =>
        [.. context.History.TakeLast(settings.Memory).Where(a => a.Moves.Count > 0).Select(a => MoveNeighbourhood.Key(a.Moves))];

    private Move? Pick(IReadOnlyList<Move> ideas, double draw)
    {
        double total = IdleWeight + ideas.Sum(m => settings.Insight(m.Tier));
        double point = draw * total;
        foreach (var move in ideas)
        {
            point -= settings.Insight(move.Tier);
            if (point < 0)
            {
                return move;
            }
        }
        return null;
    }

    // A bug is a wrong move that fits beside the intended one, preferably in the same layer of the program.
    private static Move? PickBug(MoveLibrary library, ImmutableSortedSet<string> moves, Move intended, double draw)
    {
        var wrong = library.Applicable(moves).Where(m => m.Kind == MoveKind.Wrong).ToList();
        var sameLayer = wrong.Where(m => m.Layer == intended.Layer).ToList();
        var pool = sameLayer.Count > 0 ? sameLayer : wrong;
        return pool.Count == 0 ? null : pool[Math.Min(pool.Count - 1, (int)(draw * pool.Count))];
    }
}
