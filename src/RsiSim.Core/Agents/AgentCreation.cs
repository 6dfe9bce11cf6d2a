using RsiSim.Core.Arms;
using RsiSim.Core.Tasks;

namespace RsiSim.Core.Agents;

/// <summary>What a factory gets to make the agent of one trial.</summary>
/// <param name="Arm">The arm, with options already validated against the descriptor.</param>
/// <param name="Task">The task.</param>
/// <param name="Size">The task size.</param>
/// <param name="Trial">0-based trial index.</param>
/// <param name="Services">Shared services (e.g. the run store for replay, HTTP for LLMs); may be empty.</param>
public sealed record AgentCreation(ArmDefinition Arm, ITask Task, string Size, int Trial, IServiceProvider Services);
