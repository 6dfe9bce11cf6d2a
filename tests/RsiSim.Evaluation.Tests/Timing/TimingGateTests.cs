using RsiSim.Evaluation.Timing;

namespace RsiSim.Evaluation.Tests.Timing;

public sealed class TimingGateTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Shared_holders_enter_side_by_side()
    {
        using var gate = new TimingGate();

        using var first = await gate.EnterSharedAsync(TestContext.Current.CancellationToken);
        var second = gate.EnterSharedAsync(TestContext.Current.CancellationToken);

        Assert.True(second.IsCompletedSuccessfully);
        (await second).Dispose();
    }

    [Fact]
    public async Task A_shared_entry_waits_while_timing_holds_the_gate()
    {
        using var gate = new TimingGate();
        var timing = await gate.EnterExclusiveAsync(TestContext.Current.CancellationToken);

        var compile = gate.EnterSharedAsync(TestContext.Current.CancellationToken).AsTask();

        Assert.False(compile.IsCompleted);
        Assert.Equal(1, gate.Waiting);
        timing.Dispose();
        (await compile.WaitAsync(Patience, TestContext.Current.CancellationToken)).Dispose();
    }

    [Fact]
    public async Task Timing_waits_for_every_shared_holder_to_leave()
    {
        using var gate = new TimingGate();
        var compileA = await gate.EnterSharedAsync(TestContext.Current.CancellationToken);
        var compileB = await gate.EnterSharedAsync(TestContext.Current.CancellationToken);

        var timing = gate.EnterExclusiveAsync(TestContext.Current.CancellationToken).AsTask();
        compileA.Dispose();

        Assert.False(timing.IsCompleted);
        compileB.Dispose();
        (await timing.WaitAsync(Patience, TestContext.Current.CancellationToken)).Dispose();
    }

    [Fact]
    public async Task A_waiting_timing_entry_goes_before_shared_entries_that_come_after_it()
    {
        using var gate = new TimingGate();
        var compile = await gate.EnterSharedAsync(TestContext.Current.CancellationToken);
        var timing = gate.EnterExclusiveAsync(TestContext.Current.CancellationToken).AsTask();

        var laterCompile = gate.EnterSharedAsync(TestContext.Current.CancellationToken).AsTask();
        compile.Dispose();

        var timed = await timing.WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.False(laterCompile.IsCompleted);
        timed.Dispose();
        (await laterCompile.WaitAsync(Patience, TestContext.Current.CancellationToken)).Dispose();
    }

    [Fact]
    public async Task Two_timing_entries_never_hold_the_gate_together()
    {
        using var gate = new TimingGate();
        var first = await gate.EnterExclusiveAsync(TestContext.Current.CancellationToken);

        var second = gate.EnterExclusiveAsync(TestContext.Current.CancellationToken).AsTask();

        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second.WaitAsync(Patience, TestContext.Current.CancellationToken)).Dispose();
    }

    [Fact]
    public async Task A_cancelled_timing_entry_lets_the_shared_entries_behind_it_in()
    {
        using var gate = new TimingGate();
        var compile = await gate.EnterSharedAsync(TestContext.Current.CancellationToken);
        using var cancel = new CancellationTokenSource();
        var timing = gate.EnterExclusiveAsync(cancel.Token).AsTask();
        var laterCompile = gate.EnterSharedAsync(TestContext.Current.CancellationToken).AsTask();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => timing.WaitAsync(Patience, TestContext.Current.CancellationToken));
        (await laterCompile.WaitAsync(Patience, TestContext.Current.CancellationToken)).Dispose();
        compile.Dispose();
        (await gate.EnterExclusiveAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(Patience, TestContext.Current.CancellationToken)).Dispose();
    }

    [Fact]
    public async Task Releasing_twice_releases_once()
    {
        using var gate = new TimingGate();
        var timing = await gate.EnterExclusiveAsync(TestContext.Current.CancellationToken);
        timing.Dispose();
        var next = await gate.EnterExclusiveAsync(TestContext.Current.CancellationToken);

        timing.Dispose();

        var compile = gate.EnterSharedAsync(TestContext.Current.CancellationToken).AsTask();
        Assert.False(compile.IsCompleted);
        next.Dispose();
        (await compile.WaitAsync(Patience, TestContext.Current.CancellationToken)).Dispose();
    }

    [Fact]
    public async Task A_lone_shared_hold_becomes_the_exclusive_one_and_keeps_compiles_out()
    {
        using var gate = new TimingGate();
        var compile = await gate.EnterSharedAsync(TestContext.Current.CancellationToken);

        var timing = gate.TryUpgrade(compile);

        Assert.NotNull(timing);
        var laterCompile = gate.EnterSharedAsync(TestContext.Current.CancellationToken).AsTask();
        Assert.False(laterCompile.IsCompleted);
        compile.Dispose(); // taken over: leaving it again lets nobody in
        Assert.False(laterCompile.IsCompleted);
        var laterTiming = gate.EnterExclusiveAsync(TestContext.Current.CancellationToken).AsTask();
        Assert.False(laterTiming.IsCompleted);
        timing.Dispose();
        (await laterTiming.WaitAsync(Patience, TestContext.Current.CancellationToken)).Dispose();
        (await laterCompile.WaitAsync(Patience, TestContext.Current.CancellationToken)).Dispose();
    }

    [Fact]
    public async Task A_shared_hold_beside_another_is_not_upgraded()
    {
        using var gate = new TimingGate();
        var compileA = await gate.EnterSharedAsync(TestContext.Current.CancellationToken);
        var compileB = await gate.EnterSharedAsync(TestContext.Current.CancellationToken);

        Assert.Null(gate.TryUpgrade(compileA));

        compileB.Dispose();
        var timing = gate.EnterExclusiveAsync(TestContext.Current.CancellationToken).AsTask();
        Assert.False(timing.IsCompleted); // compileA still holds the gate
        compileA.Dispose();
        (await timing.WaitAsync(Patience, TestContext.Current.CancellationToken)).Dispose();
    }

    [Fact]
    public async Task A_waiting_timing_entry_is_not_overtaken_by_an_upgrade()
    {
        using var gate = new TimingGate();
        var compile = await gate.EnterSharedAsync(TestContext.Current.CancellationToken);
        var timing = gate.EnterExclusiveAsync(TestContext.Current.CancellationToken).AsTask();

        Assert.Null(gate.TryUpgrade(compile));

        compile.Dispose();
        (await timing.WaitAsync(Patience, TestContext.Current.CancellationToken)).Dispose();
    }

    [Fact]
    public async Task Only_a_live_shared_hold_of_the_same_gate_is_upgraded()
    {
        using var gate = new TimingGate();
        using var other = new TimingGate();
        var elsewhere = await other.EnterSharedAsync(TestContext.Current.CancellationToken);
        var released = await gate.EnterSharedAsync(TestContext.Current.CancellationToken);
        released.Dispose();
        var timing = await gate.EnterExclusiveAsync(TestContext.Current.CancellationToken);
        timing.Dispose();

        Assert.Null(gate.TryUpgrade(elsewhere));
        Assert.Null(gate.TryUpgrade(released));
        Assert.Null(gate.TryUpgrade(timing));
        (await gate.EnterExclusiveAsync(TestContext.Current.CancellationToken)).Dispose(); // nothing was taken
        elsewhere.Dispose();
    }
}
