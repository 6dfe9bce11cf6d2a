using System.Collections.Immutable;

namespace RsiSim.Core.Moves;

/// <summary>A task's moves in their canonical order, with the rules of what composes with what.</summary>
public sealed class MoveLibrary
{
    private readonly Dictionary<string, Move> _byId;

    public MoveLibrary(IEnumerable<Move> moves)
    {
        ArgumentNullException.ThrowIfNull(moves);
        All = [.. moves];
        _byId = All.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var move in All)
        {
            foreach (var other in move.Requires.Concat(move.Conflicts))
            {
                if (!_byId.ContainsKey(other))
                {
                    throw new ArgumentException($"Move '{move.Id}' names unknown move '{other}'.", nameof(moves));
                }
            }
            foreach (var requirement in move.Requires)
            {
                if (!seen.Contains(requirement))
                {
                    throw new ArgumentException($"Move '{move.Id}' must come after its requirement '{requirement}'.", nameof(moves));
                }
            }
            seen.Add(move.Id);
        }
    }

    /// <summary>Every move, in canonical order: a move comes after everything it requires.</summary>
    public ImmutableArray<Move> All { get; }

    public Move this[string id] => _byId.TryGetValue(id, out var move) ? move : throw new MoveException($"unknown move '{id}'");

    public bool Contains(string id) => _byId.ContainsKey(id);

    /// <summary>The moves that can be added to <paramref name="applied"/>: not yet in it, requirements met, no conflict.</summary>
    public IEnumerable<Move> Applicable(IReadOnlySet<string> applied)
    {
        ArgumentNullException.ThrowIfNull(applied);
        return All.Where(m => !applied.Contains(m.Id) && CanAdd(applied, m));
    }

    /// <summary>True when every requirement of <paramref name="move"/> is in <paramref name="applied"/> and nothing conflicts.</summary>
    public bool CanAdd(IReadOnlySet<string> applied, Move move)
    {
        ArgumentNullException.ThrowIfNull(applied);
        ArgumentNullException.ThrowIfNull(move);
        return move.Requires.All(applied.Contains) && !applied.Any(a => ConflictsWith(move, _byId[a]));
    }

    /// <summary>Whether two moves conflict, in either direction.</summary>
    public static bool ConflictsWith(Move a, Move b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Conflicts.Contains(b.Id) || b.Conflicts.Contains(a.Id);
    }

    /// <summary>The move and everything it requires, transitively.</summary>
    public ImmutableSortedSet<string> Closure(string id)
    {
        var result = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([id]);
        while (pending.TryPop(out var next))
        {
            if (result.Add(next))
            {
                foreach (var requirement in this[next].Requires)
                {
                    pending.Push(requirement);
                }
            }
        }
        return result.ToImmutable();
    }

    /// <summary>Checks that a set composes and returns it in canonical order.</summary>
    /// <exception cref="MoveException">Unknown move, missing requirement or conflict.</exception>
    public IReadOnlyList<Move> Order(IReadOnlyCollection<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var set = new HashSet<string>(ids, StringComparer.Ordinal);
        foreach (var id in set)
        {
            var move = this[id];
            var missing = move.Requires.Where(r => !set.Contains(r)).ToList();
            if (missing.Count > 0)
            {
                throw new MoveException($"move '{id}' requires {string.Join(", ", missing.Select(m => $"'{m}'"))}");
            }
            var conflict = set.FirstOrDefault(o => o != id && ConflictsWith(move, _byId[o]));
            if (conflict is not null)
            {
                throw new MoveException($"move '{id}' conflicts with '{conflict}'");
            }
        }
        return [.. All.Where(m => set.Contains(m.Id))];
    }
}
