using RsiSim.Core.Moves;
using RsiSim.Tasks.TinyLm;
using RsiSim.Tasks.TinyLm.Moves;

namespace RsiSim.Tasks.Tests.TinyLm;

public sealed class TinyLmChecksTests : IDisposable
{
    private const string Size = "small";
    private readonly CompiledCandidate _reference = new(TinyLmTask.Instance, TinyLmTask.Instance.ReferenceSource);

    public static TheoryData<string> CorrectMoves() => [.. TinyLmMoves.Library.All.Where(m => m.Kind == MoveKind.Correct).Select(m => m.Id)];

    public static TheoryData<string> WrongMoves() => [.. TinyLmMoves.Library.All.Where(m => m.Kind == MoveKind.Wrong).Select(m => m.Id)];

    [Fact]
    public void The_reference_passes_against_itself_exactly()
    {
        var checks = _reference.Check(_reference, Size, 7);

        Assert.All(checks, c => Assert.True(c.Passed, c.Detail));
        Assert.All(checks.Where(c => c.Value is not null), c => Assert.Equal(0, c.Value));
    }

    [Theory]
    [MemberData(nameof(CorrectMoves))]
    public void A_correct_move_passes_every_check(string move)
    {
        using var candidate = new CompiledCandidate(TinyLmTask.Instance, TinyLmTask.Instance.Compose(TinyLmMoves.Library.Closure(move)));

        var checks = candidate.Check(_reference, Size, 11);

        Assert.All(checks, c => Assert.True(c.Passed, $"{c.Name}: {c.Detail}"));
    }

    [Theory]
    [MemberData(nameof(WrongMoves))]
    public void A_wrong_move_fails_the_check_it_names(string move)
    {
        using var candidate = new CompiledCandidate(TinyLmTask.Instance, TinyLmTask.Instance.Compose(TinyLmMoves.Library.Closure(move)));
        var named = TinyLmMoves.Library[move].FailsCheck;

        // An evaluation checks six runs (warm-up and five timed); a race need not show on every one of them.
        bool caught = Enumerable.Range(0, 6).Any(run => candidate.Check(_reference, Size, 13 + (ulong)run).Any(c => c.Name == named && !c.Passed));

        Assert.True(caught, $"{move} passed {named} on six runs");
    }

    [Theory]
    [MemberData(nameof(WrongMoves))]
    public void A_wrong_move_fails_only_because_of_its_flaw(string move)
    {
        var requirements = TinyLmMoves.Library.Closure(move).Remove(move);
        using var candidate = new CompiledCandidate(TinyLmTask.Instance, TinyLmTask.Instance.Compose(requirements));

        var checks = candidate.Check(_reference, Size, 13);

        Assert.All(checks, c => Assert.True(c.Passed, $"without {move}: {c.Name}: {c.Detail}"));
    }

    [Fact]
    public void Float32_with_reordered_sums_stays_far_inside_the_tolerances()
    {
        using var candidate = new CompiledCandidate(TinyLmTask.Instance, TinyLmTask.Instance.Compose(["float32", "loop-order-ikj"]));

        var checks = candidate.Check(_reference, Size, 17);

        Assert.All(checks.Where(c => c.Value is not null), c => Assert.True(c.Value < c.Limit / 100, $"{c.Name}: {c.Value} is not 100x inside {c.Limit}"));
    }

    public void Dispose() => _reference.Dispose();
}
