using System.Collections.Immutable;
using RsiSim.Agents.Common;
using RsiSim.Core.Agents;
using RsiSim.Core.Attempts;
using RsiSim.Core.Moves;

namespace RsiSim.Agents.Persona;

/// <summary>A simulated agent walking the task's real landscape of moves: the speedups it gets are measurements of real code.</summary>
/// <remarks>
/// It works down the moves in order of obviousness (tier, then the library's order), one idea at a time: the first
/// move not in its best candidate and not given up. Each attempt the idea either comes off (its insight into the
/// move's tier) or it flounders (re-proposes its best, which cannot be faster). A move is applied with whatever it
/// requires, replacing what it conflicts with; with its bug rate a wrong move of the same layer slips in beside it.
/// After a wrong result it either moves on (its revert rate) or tries its broken version once more. An idea that
/// failed <c>Patience</c> times is given up, and one that was applied cleanly and measured not faster at once. When no fresh idea is left it takes a second look, one attempt each, at the
/// ideas it gave up before its best last improved: a move that was not faster on the old code can be on the new one.
/// Everything it knows comes from the history and the trial's random stream.
/// </remarks>
internal sealed class PersonaAgent(PersonaSettings settings) : IAgent
{
    public ValueTask<Proposal> ProposeAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var random = context.Random;
        var usage = settings.Usage;
        var best = context.Best.Candidate.Moves;
        var last = context.History.Count > 0 ? context.History[^1] : null;
        if (last is { Status: AttemptStatus.WrongResult } && last.Moves.Count > 0 && random.NextDouble() >= settings.RevertRate)
        {
            return Propose(context, last.Moves, "tries to fix its broken version", usage);
        }
        var (idea, secondLook) = NextIdea(context, best);
        if (idea is null)
        {
            return ValueTask.FromResult(Proposal.Finished("no move it knows is left to try"));
        }
        string again = secondLook ? " (second look)" : "";
        if (random.NextDouble() >= settings.Insight(idea.Tier))
        {
            return Propose(context, best, $"flounders on {idea.Id}{again}", usage);
        }
        var moves = With(context.Task.Moves, best, idea);
        string description = $"apply {idea.Id}{again}";
        if (random.NextDouble() < settings.BugRate && Bug(context.Task.Moves, moves, idea) is { } bug)
        {
            moves = moves.Add(bug.Id);
            description += $" (with a bug: {bug.Id})";
        }
        return Propose(context, moves, description, usage);
    }

    /// <summary>The first move, in order of obviousness, that its best lacks and that it has not given up; failing that,
    /// the first it gave up before its best last improved (a second look).</summary>
    private (Move? Idea, bool SecondLook) NextIdea(AgentContext context, ImmutableSortedSet<string> best)
    {
        var history = context.History;
        int lastImproved = -1;
        var failures = new Dictionary<string, (int Count, int Last)>(StringComparer.Ordinal);
        for (int i = 0; i < history.Count; i++)
        {
            var attempt = history[i];
            if (attempt.Status == AttemptStatus.Improved)
            {
                lastImproved = i;
            }
            else if (IdeaOf(attempt.Description) is { } id)
            {
                // Its idea, done right and measured not faster, is given up at once: proposing the same code again
                // would measure the same. Patience is for ideas that did not come off (a flounder, a bug, a failure).
                bool measuredNotFaster = attempt.Status == AttemptStatus.NotFaster && attempt.Description.StartsWith("apply ", StringComparison.Ordinal);
                failures[id] = (measuredNotFaster ? settings.Patience : failures.GetValueOrDefault(id).Count + 1, i);
            }
        }
        var open = context.Task.Moves.All
            .Where(m => m.Kind == MoveKind.Correct && m.Tier <= settings.KnownTier && !best.Contains(m.Id))
            .OrderBy(m => m.Tier)
            .ToList();
        if (open.FirstOrDefault(m => failures.GetValueOrDefault(m.Id).Count < settings.Patience) is { } fresh)
        {
            return (fresh, false);
        }
        return (open.FirstOrDefault(m => failures[m.Id].Last < lastImproved), true);
    }

    // The idea an attempt's description names ("apply <move>..." or "flounders on <move>..."), if any.
    private static string? IdeaOf(string description)
    {
        foreach (string prefix in (ReadOnlySpan<string>)["apply ", "flounders on "])
        {
            if (description.StartsWith(prefix, StringComparison.Ordinal))
            {
                int end = description.IndexOf(' ', prefix.Length);
                return end < 0 ? description[prefix.Length..] : description[prefix.Length..end];
            }
        }
        return null;
    }

    // The move with everything it requires; whatever conflicts with it goes, with what requires that.
    private static ImmutableSortedSet<string> With(MoveLibrary library, ImmutableSortedSet<string> best, Move idea)
    {
        var closure = library.Closure(idea.Id);
        var kept = best.Where(b => !library.Closure(b).Any(x => closure.Any(c => MoveLibrary.ConflictsWith(library[x], library[c])))).ToHashSet(StringComparer.Ordinal);
        kept.UnionWith(closure);
        return [.. kept];
    }

    // A wrong move that fits beside the intended one, preferably in its layer; the same bug for the same idea.
    private static Move? Bug(MoveLibrary library, ImmutableSortedSet<string> moves, Move intended)
    {
        var wrong = library.Applicable(moves).Where(m => m.Kind == MoveKind.Wrong).ToList();
        return wrong.FirstOrDefault(m => m.Layer == intended.Layer) ?? wrong.FirstOrDefault();
    }

    private static ValueTask<Proposal> Propose(AgentContext context, ImmutableSortedSet<string> moves, string description, AgentUsage usage) =>
        ValueTask.FromResult(Proposal.Candidate(ComposedCandidates.For(context.Task, moves), description, usage));
}
