using RsiSim.Core.Options;

namespace RsiSim.Core.Arms;

/// <summary>One configured agent inside a scenario.</summary>
/// <param name="Name">Unique within the scenario; names the arm in tables and charts.</param>
/// <param name="Agent">The agent kind, e.g. "greedy".</param>
/// <param name="Options">The agent's options, validated and with defaults filled in.</param>
public sealed record ArmDefinition(string Name, string Agent, OptionValues Options);
