using RsiSim.Core.Moves;
using RsiSim.Core.Tasks;

namespace RsiSim.Tasks.Tests.Moves;

/// <summary>Every task's moves against its checks: correct moves pass, wrong moves fail the check they name, and only for their flaw.</summary>
public sealed class MoveChecksTests
{
    public static TheoryData<string> Tasks() => TaskCases.TaskIds();

    public static TheoryData<string, string> CorrectMoves() => TaskCases.Moves(MoveKind.Correct);

    public static TheoryData<string, string> WrongMoves() => TaskCases.Moves(MoveKind.Wrong);

    public static TheoryData<string, string> Landmarks() => TaskCases.Landmarks();

    [Theory]
    [MemberData(nameof(Tasks))]
    public void The_reference_passes_against_itself_exactly(string taskId)
    {
        var reference = TaskCases.Reference(taskId);

        var checks = reference.Check(reference, TaskCases.CheckSize(taskId), 7);

        Assert.All(checks, c => Assert.True(c.Passed, c.Detail));
        Assert.All(checks.Where(c => c.Value is not null), c => Assert.Equal(0, c.Value));
    }

    [Theory]
    [MemberData(nameof(CorrectMoves))]
    public void A_correct_move_passes_every_check(string taskId, string move)
    {
        var task = TaskCases.Task(taskId);
        using var candidate = new CompiledCandidate(task, task.Compose(task.Moves.Closure(move)));

        var checks = candidate.Check(TaskCases.Reference(taskId), TaskCases.CheckSize(taskId), 11);

        Assert.All(checks, c => Assert.True(c.Passed, $"{c.Name}: {c.Detail}"));
    }

    [Theory]
    [MemberData(nameof(Landmarks))]
    public void A_landmark_passes_every_check(string taskId, string landmark)
    {
        var task = TaskCases.Task(taskId);
        using var candidate = new CompiledCandidate(task, task.Compose(task.Landmark(landmark).Moves));

        var checks = candidate.Check(TaskCases.Reference(taskId), TaskCases.CheckSize(taskId), 19);

        Assert.All(checks, c => Assert.True(c.Passed, $"{c.Name}: {c.Detail}"));
    }

    [Theory]
    [MemberData(nameof(WrongMoves))]
    public void A_wrong_move_fails_the_check_it_names(string taskId, string move)
    {
        var task = TaskCases.Task(taskId);
        using var candidate = new CompiledCandidate(task, task.Compose(task.Moves.Closure(move)));
        var named = task.Moves[move].FailsCheck;

        // An evaluation checks six runs (warm-up and five timed); a race need not show on every one of them.
        bool caught = Enumerable.Range(0, 6).Any(run =>
            candidate.Check(TaskCases.Reference(taskId), TaskCases.CheckSize(taskId), 13 + (ulong)run).Any(c => c.Name == named && !c.Passed));

        Assert.True(caught, $"{move} passed {named} on six runs");
    }

    [Theory]
    [MemberData(nameof(WrongMoves))]
    public void A_wrong_move_fails_only_because_of_its_flaw(string taskId, string move)
    {
        var task = TaskCases.Task(taskId);
        var requirements = task.Moves.Closure(move).Remove(move);
        using var candidate = new CompiledCandidate(task, task.Compose(requirements));

        var checks = candidate.Check(TaskCases.Reference(taskId), TaskCases.CheckSize(taskId), 13);

        Assert.All(checks, c => Assert.True(c.Passed, $"without {move}: {c.Name}: {c.Detail}"));
    }
}
