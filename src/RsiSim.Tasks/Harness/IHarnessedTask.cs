using RsiSim.Core.Tasks;
using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.Harness;

/// <summary>A task together with its harness and the patches behind its moves.</summary>
public interface IHarnessedTask : ITask
{
    ITaskHarness Harness { get; }

    /// <summary>Every move with its rewrite, in the library's canonical order.</summary>
    IReadOnlyList<MoveDefinition> MoveDefinitions { get; }
}
