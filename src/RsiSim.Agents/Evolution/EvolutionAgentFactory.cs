using RsiSim.Core.Agents;
using RsiSim.Core.Options;

namespace RsiSim.Agents.Evolution;

/// <summary>Makes <see cref="EvolutionAgent"/>s.</summary>
public sealed class EvolutionAgentFactory : IAgentFactory
{
    public AgentDescriptor Descriptor { get; } = new(
        "evolution",
        "an island model over move sets: tournament selection, crossover, mutation and migration of the best",
        [
            new OptionSpec("islands", OptionType.WholeNumber, "independent populations") { Default = 2, Minimum = 1, Maximum = 64 },
            new OptionSpec("population", OptionType.WholeNumber, "the fittest candidates each island keeps") { Default = 8, Minimum = 2, Maximum = 1000 },
            new OptionSpec("tournament", OptionType.WholeNumber, "candidates per tournament") { Default = 3, Minimum = 1, Maximum = 100 },
            new OptionSpec("crossoverRate", OptionType.Number, "chance a child has two parents") { Default = 0.5, Minimum = 0, Maximum = 1 },
            new OptionSpec("mutationRate", OptionType.Number, "chance of adding a move (half of it: of dropping one)") { Default = 0.8, Minimum = 0, Maximum = 1 },
            new OptionSpec("migrationInterval", OptionType.WholeNumber, "attempts between migrations of the best to every island") { Default = 10, Minimum = 1, Maximum = 100_000 },
        ]);

    public IAgent Create(AgentCreation creation)
    {
        ArgumentNullException.ThrowIfNull(creation);
        var o = creation.Arm.Options;
        return new EvolutionAgent(new EvolutionOptions(
            o.WholeNumber("islands", 2), o.WholeNumber("population", 8), o.WholeNumber("tournament", 3),
            o.Number("crossoverRate", 0.5), o.Number("mutationRate", 0.8), o.WholeNumber("migrationInterval", 10)));
    }
}
