namespace RsiSim.Core.Tasks;

/// <summary>The tasks a scenario may name.</summary>
public interface ITaskCatalog
{
    IReadOnlyList<ITask> All { get; }

    ITask? Find(string id);
}
