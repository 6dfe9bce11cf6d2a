using RsiSim.Core.Tasks;
using RsiSim.Tasks.TinyConv;
using RsiSim.Tasks.TinyLm;

namespace RsiSim.Tasks;

/// <summary>The tasks that ship with RsiSim.</summary>
public sealed class BuiltInTasks : ITaskCatalog
{
    public static BuiltInTasks Instance { get; } = new();

    public IReadOnlyList<ITask> All { get; } = [TinyLmTask.Instance, TinyConvTask.Instance];

    public ITask? Find(string id) => All.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.Ordinal));
}
