using RsiSim.Evaluation.Running;
using RsiSim.Tasks.Harness;

namespace RsiSim.Evaluation.Tests.Running;

/// <summary>A session opened while its runs' inputs are still being drawn: the first run goes on, the others wait.</summary>
public sealed class DrawnAfterFirstRunTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_first_run_goes_beside_the_drawing_and_the_second_waits_for_it()
    {
        var drawing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inner = new CountingSession();
        var session = new DrawnAfterFirstRun(inner, drawing.Task);

        await session.RunAsync(RunSide.Baseline, 1, TimeSpan.FromSeconds(1), Cancellation).AsTask().WaitAsync(TimeSpan.FromSeconds(30), Cancellation);
        var second = session.RunAsync(RunSide.Candidate, 1, TimeSpan.FromSeconds(1), Cancellation).AsTask();
        await Task.Delay(100, Cancellation);

        Assert.Equal(1, inner.Runs);
        Assert.False(second.IsCompleted);
        drawing.SetResult();
        await second.WaitAsync(TimeSpan.FromSeconds(30), Cancellation);
        Assert.Equal(2, inner.Runs);
    }

    [Fact]
    public async Task A_drawing_that_failed_fails_the_second_run_with_its_exception()
    {
        var inner = new CountingSession();
        var session = new DrawnAfterFirstRun(inner, Task.FromException(new InvalidOperationException("no such size")));

        await session.RunAsync(RunSide.Baseline, 1, TimeSpan.FromSeconds(1), Cancellation);
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => session.RunAsync(RunSide.Candidate, 1, TimeSpan.FromSeconds(1), Cancellation).AsTask());

        Assert.Equal("no such size", thrown.Message);
        Assert.Equal(1, inner.Runs);
    }

    private sealed class CountingSession : IRunSession
    {
        public int Runs { get; private set; }

        public ValueTask<TimedRun> RunAsync(RunSide side, ulong seed, TimeSpan timeout, CancellationToken cancellationToken)
        {
            Runs++;
            return ValueTask.FromResult(new TimedRun(new RunOutput([1.0], System.Collections.Immutable.ImmutableDictionary<string, double[]>.Empty), 0.001, null, "", ""));
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
