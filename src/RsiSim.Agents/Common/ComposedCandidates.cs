using System.Collections.Concurrent;
using RsiSim.Core.Candidates;
using RsiSim.Core.Tasks;

namespace RsiSim.Agents.Common;

/// <summary>Candidates built from move sets, composed and hashed once per process and then reused.</summary>
/// <remarks>Composing is a Roslyn parse and patch per move; simulated agents revisit the same sets thousands of times.</remarks>
public static class ComposedCandidates
{
    private static readonly ConcurrentDictionary<(string Task, string Moves), Candidate> Memo = new();

    public static Candidate For(ITask task, IReadOnlyCollection<string> moves)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(moves);
        string key = MoveNeighbourhood.Key(moves);
        return Memo.GetOrAdd((task.Id, key), static (_, state) =>
            Candidate.FromSource(state.Task.Compose(state.Moves), moves: state.Moves), (Task: task, Moves: moves));
    }
}
