using RsiSim.Core.Agents;
using RsiSim.Core.Options;

namespace RsiSim.Agents.Replay;

/// <summary>Makes <see cref="ReplayAgent"/>s; the archive comes from the services (the CLI reads run folders).</summary>
public sealed class ReplayAgentFactory : IAgentFactory
{
    public AgentDescriptor Descriptor { get; } = new(
        "replay",
        "replays a trial recorded in an earlier run's database, attempt by attempt",
        [
            new OptionSpec("run", OptionType.Text, "the run folder to replay from") { Required = true },
            new OptionSpec("arm", OptionType.Text, "the recorded arm (default: this arm's name)"),
            new OptionSpec("trial", OptionType.WholeNumber, "the recorded trial (default: this trial's index)") { Minimum = 0 },
        ]);

    public IAgent Create(AgentCreation creation)
    {
        ArgumentNullException.ThrowIfNull(creation);
        var archive = creation.Services.GetService(typeof(ITrialArchive)) as ITrialArchive
            ?? throw new InvalidOperationException("replay needs a trial archive: run it through rsisim");
        var options = creation.Arm.Options;
        return new ReplayAgent(
            archive,
            options.Text("run")!,
            options.Text("arm") ?? creation.Arm.Name,
            options.Has("trial") ? options.WholeNumber("trial") : creation.Trial);
    }
}
