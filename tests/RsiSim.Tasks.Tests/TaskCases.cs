using System.Collections.Concurrent;
using RsiSim.Core.Moves;
using RsiSim.Tasks.Harness;

namespace RsiSim.Tasks.Tests;

/// <summary>Theory data over every built-in task and its moves, and each task's compiled reference, compiled once.</summary>
internal static class TaskCases
{
    // The size each task's move checks run at: large enough that a wrong move shows, small enough for a test run.
    private static readonly Dictionary<string, string> CheckSizes = new(StringComparer.Ordinal)
    {
        ["tinylm"] = "small",
        ["tinyconv"] = "small",
    };

    private static readonly ConcurrentDictionary<string, CompiledCandidate> References = new(StringComparer.Ordinal);

    public static IReadOnlyList<IHarnessedTask> All { get; } = [.. BuiltInTasks.Instance.All.Cast<IHarnessedTask>()];

    public static IHarnessedTask Task(string id) => All.Single(t => t.Id == id);

    public static string CheckSize(string taskId) => CheckSizes[taskId];

    /// <summary>The reference of the task, compiled by the real pipeline; shared by every test, never unloaded.</summary>
    public static CompiledCandidate Reference(string taskId) =>
        References.GetOrAdd(taskId, id => new CompiledCandidate(Task(id), Task(id).ReferenceSource));

    public static TheoryData<string> TaskIds() => [.. All.Select(t => t.Id)];

    /// <summary>(task, move) for every move of every task, optionally of one kind only.</summary>
    public static TheoryData<string, string> Moves(MoveKind? kind = null)
    {
        var data = new TheoryData<string, string>();
        foreach (var task in All)
        {
            foreach (var move in task.Moves.All.Where(m => kind is null || m.Kind == kind))
            {
                data.Add(task.Id, move.Id);
            }
        }
        return data;
    }

    /// <summary>(task, landmark) for every landmark of every task.</summary>
    public static TheoryData<string, string> Landmarks()
    {
        var data = new TheoryData<string, string>();
        foreach (var task in All)
        {
            foreach (var landmark in task.Landmarks)
            {
                data.Add(task.Id, landmark.Name);
            }
        }
        return data;
    }
}
