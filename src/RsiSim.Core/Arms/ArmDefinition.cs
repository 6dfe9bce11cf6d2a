using RsiSim.Core.Options;
using RsiSim.Core.Runs;

namespace RsiSim.Core.Arms;

/// <summary>One configured agent inside a scenario.</summary>
/// <param name="Name">Unique within the scenario; names the arm in tables and charts.</param>
/// <param name="Agent">The agent kind, e.g. "greedy".</param>
/// <param name="Options">The agent's options, validated and with defaults filled in.</param>
public sealed record ArmDefinition(string Name, string Agent, OptionValues Options)
{
    /// <summary>This arm's own loop options (e.g. its compounding alpha); null means the scenario's.</summary>
    public LoopOptions? Loop { get; init; }
}
