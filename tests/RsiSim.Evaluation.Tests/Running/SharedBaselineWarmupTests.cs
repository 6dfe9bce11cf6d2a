using System.Collections.Immutable;
using RsiSim.Evaluation.Running;
using RsiSim.Evaluation.Timing;
using RsiSim.Tasks.Harness;
using RsiSim.Tasks.TinyLm;

namespace RsiSim.Evaluation.Tests.Running;

/// <summary>A shared reference never records a warm-up run as one of its timings, however many warm-ups an evaluation has.</summary>
public sealed class SharedBaselineWarmupTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_two_warm_up_runs_neither_warm_up_time_reaches_the_times_served_to_later_evaluations()
    {
        // Given a shared reference told of two warm-ups, whose warm-up runs take 1 s and timed runs 10, 20 and 30 ms
        var shared = new SharedBaselineRunner(new SlowWarmupRunner(warmups: 2), warmupRuns: 2);
        var protocol = new TimingProtocol(new TimingOptions(WarmupRuns: 2, Repetitions: 3));
        var request = new SessionRequest(TinyLmTask.Instance, TinyLmSize.Tiny.Name, [], []);
        await using (var first = (await shared.OpenAsync(request, Cancellation)).Session!)
        {
            await protocol.MeasureAsync(first, (_, _, _) => [], 3, Cancellation);
        }

        // When a second evaluation on the same seeds is served from the records
        double[] served;
        await using (var second = (await shared.OpenAsync(request, Cancellation)).Session!)
        {
            var result = await protocol.MeasureAsync(second, (_, _, _) => [], 3, Cancellation);
            served = [.. result.Timing!.BaselineSeconds];
        }

        // Then its reference times are the median of the three timed runs alone (a second warm-up recorded would make it 25 ms)
        Assert.Equal(5, shared.BaselineRuns);
        Assert.All(served, s => Assert.Equal(0.020, s, 9));
    }

    private sealed class SlowWarmupRunner(int warmups) : ICandidateRunner
    {
        public ValueTask<SessionOpening> OpenAsync(SessionRequest request, CancellationToken cancellationToken) =>
            ValueTask.FromResult(SessionOpening.Opened(new Session(warmups)));

        private sealed class Session(int warmups) : IRunSession
        {
            private int _baselineRuns;

            public ValueTask<TimedRun> RunAsync(RunSide side, ulong seed, TimeSpan timeout, CancellationToken cancellationToken)
            {
                double seconds = side == RunSide.Candidate ? 0.005 : _baselineRuns++ < warmups ? 1.0 : 0.010 * (_baselineRuns - warmups);
                var output = new RunOutput([1.0], ImmutableDictionary<string, double[]>.Empty);
                return ValueTask.FromResult(new TimedRun(output, seconds, null, ""));
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
