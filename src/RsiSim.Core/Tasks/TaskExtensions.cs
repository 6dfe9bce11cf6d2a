namespace RsiSim.Core.Tasks;

/// <summary>Conveniences over <see cref="ITask"/>.</summary>
public static class TaskExtensions
{
    /// <summary>The landmark of that name.</summary>
    public static Landmark Landmark(this ITask task, string name)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.Landmarks.FirstOrDefault(l => l.Name == name) ?? throw new KeyNotFoundException($"task {task.Id} has no landmark '{name}'");
    }
}
