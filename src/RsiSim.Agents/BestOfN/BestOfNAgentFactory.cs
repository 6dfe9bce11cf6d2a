using RsiSim.Core.Agents;
using RsiSim.Core.Options;

namespace RsiSim.Agents.BestOfN;

/// <summary>Makes <see cref="BestOfNAgent"/>s.</summary>
public sealed class BestOfNAgentFactory : IAgentFactory
{
    public AgentDescriptor Descriptor { get; } = new(
        "best-of-n",
        "n independent samples from the reference (random move sequences), keep the best: the parallel-sampling baseline",
        [
            new OptionSpec("n", OptionType.WholeNumber, "samples to draw; the trial ends after them") { Default = 16, Minimum = 1, Maximum = 100_000 },
            new OptionSpec("depth", OptionType.WholeNumber, "the most moves one sample applies (each sample draws 1 to depth)") { Default = 6, Minimum = 1, Maximum = 64 },
        ]);

    public IAgent Create(AgentCreation creation)
    {
        ArgumentNullException.ThrowIfNull(creation);
        return new BestOfNAgent(creation.Arm.Options.WholeNumber("n", 16), creation.Arm.Options.WholeNumber("depth", 6));
    }
}
