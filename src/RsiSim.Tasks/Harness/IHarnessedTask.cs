using RsiSim.Core.Tasks;

namespace RsiSim.Tasks.Harness;

/// <summary>A task together with its harness.</summary>
public interface IHarnessedTask : ITask
{
    ITaskHarness Harness { get; }
}
