using System.Collections.Immutable;
using RsiSim.Agents.Common;
using RsiSim.Core.Agents;
using RsiSim.Core.Attempts;
using RsiSim.Core.Moves;
using RsiSim.Core.Randomness;

namespace RsiSim.Agents.Evolution;

/// <summary>An island model over move sets: tournament selection, crossover as the union of two parents' moves, mutation by
/// adding or dropping a move, and periodic migration of the best. The populations are rebuilt from the history every time.</summary>
internal sealed class EvolutionAgent(EvolutionOptions options) : IAgent
{
    private const int Retries = 8;

    public ValueTask<Proposal> ProposeAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        int island = (context.Attempt - 1) % options.Islands;
        var population = Population(context, island);
        var tried = MoveNeighbourhood.Tried(context);
        var random = context.Random;
        for (int retry = 0; retry < Retries; retry++)
        {
            // The first parent is the one recorded as the child's parent; the reference when the island is empty.
            var parent = population.Count == 0 ? new Member([], 1.0, context.Reference.Hash) : Select(population, random);
            var child = parent.Moves;
            if (population.Count > 1 && random.NextDouble() < options.CrossoverRate)
            {
                child = Crossover(context.Task.Moves, child, Select(population, random).Moves);
            }
            child = Mutate(context.Task.Moves, child, random, force: population.Count == 0 || retry > 0);
            if (!tried.Contains(MoveNeighbourhood.Key(child)))
            {
                return ValueTask.FromResult(Proposal.Candidate(ComposedCandidates.For(context.Task, child), $"island {island}: {string.Join(", ", child)}") with { ParentHash = parent.Hash });
            }
        }
        return ValueTask.FromResult(Proposal.Finished("every child it bred had been tried before"));
    }

    // The island's fittest valid candidates, plus the trial's best once a migration has happened.
    private List<Member> Population(AgentContext context, int island)
    {
        var members = context.History
            .Where((a, i) => i % options.Islands == island && a.Status.IsValid() && a.Speedup is not null && a.CandidateHash is not null)
            .Select(a => new Member(a.Moves, a.Speedup!.Value, a.CandidateHash!))
            .ToList();
        if (context.History.Count >= options.MigrationInterval && context.Best.Candidate.Moves.Count > 0)
        {
            members.Add(new Member(context.Best.Candidate.Moves, context.Best.Speedup, context.Best.Candidate.Hash));
        }
        return [.. members.GroupBy(m => MoveNeighbourhood.Key(m.Moves)).Select(g => g.MaxBy(m => m.Fitness)!).OrderByDescending(m => m.Fitness).Take(options.Population)];
    }

    private Member Select(List<Member> population, SplitMix64 random)
    {
        var best = population[random.NextInt(population.Count)];
        for (int i = 1; i < options.Tournament; i++)
        {
            var rival = population[random.NextInt(population.Count)];
            if (rival.Fitness > best.Fitness)
            {
                best = rival;
            }
        }
        return best;
    }

    // The union of both parents' moves, kept only as far as it composes, in the library's order.
    private static ImmutableSortedSet<string> Crossover(MoveLibrary library, ImmutableSortedSet<string> a, ImmutableSortedSet<string> b)
    {
        var child = new HashSet<string>(StringComparer.Ordinal);
        foreach (var move in library.All.Where(m => a.Contains(m.Id) || b.Contains(m.Id)))
        {
            if (library.CanAdd(child, move))
            {
                child.Add(move.Id);
            }
        }
        return [.. child];
    }

    private ImmutableSortedSet<string> Mutate(MoveLibrary library, ImmutableSortedSet<string> moves, SplitMix64 random, bool force)
    {
        if (moves.Count > 0 && random.NextDouble() < options.MutationRate / 2)
        {
            // Drop a move and everything that requires it.
            string dropped = moves.ElementAt(random.NextInt(moves.Count));
            moves = [.. moves.Where(m => !library.Closure(m).Contains(dropped))];
        }
        if (force || random.NextDouble() < options.MutationRate)
        {
            var applicable = library.Applicable(moves).ToList();
            if (applicable.Count > 0)
            {
                moves = moves.Add(applicable[random.NextInt(applicable.Count)].Id);
            }
        }
        return moves;
    }

    /// <summary>One member of an island: its moves, its measured speedup, and its hash (recorded as a child's parent).</summary>
    private sealed record Member(ImmutableSortedSet<string> Moves, double Fitness, string Hash);
}
