using System.Collections.Immutable;
using RsiSim.Evaluation.Caching;
using RsiSim.Evaluation.Running;
using RsiSim.Evaluation.Timing;
using RsiSim.Tasks.Harness;
using RsiSim.Tasks.TinyLm;

namespace RsiSim.Evaluation.Tests.Running;

/// <summary>The runs a shared reference serves from its records never reach the workers; the hints that do must name their next run.</summary>
public sealed class SharedBaselineHintTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_the_reference_served_from_its_records_every_hint_passed_on_names_the_run_the_workers_make_next()
    {
        // Given a shared reference that has timed enough real reference runs a moment ago
        var inner = new RecordingRunner();
        var shared = new SharedBaselineRunner(inner);
        // (measured as the landscape measures, pairs in alternating order, so that some candidate runs follow each other)
        var protocol = new TimingProtocol(LandscapeMethod.Timing(5));
        var request = new SessionRequest(TinyLmTask.Instance, TinyLmSize.Tiny.Name, [], []);
        await using (var first = (await shared.OpenAsync(request, Cancellation)).Session!)
        {
            await protocol.MeasureAsync(first, (_, _, _) => [], 3, Cancellation);
        }

        // When the same seeds are measured again, every reference run now served from the records
        await using (var second = (await shared.OpenAsync(request, Cancellation)).Session!)
        {
            await protocol.MeasureAsync(second, (_, _, _) => [], 3, Cancellation);
        }

        // Then the workers made only the candidate's 6 runs; each hint they got named the run that came next, and they got
        // one wherever the next candidate run followed directly (not after a served reference run, which they never saw)
        var session = inner.Sessions[1];
        Assert.Equal(Enumerable.Repeat(RunSide.Candidate, 6), session.Runs.Select(r => r.Side));
        Assert.Equal([null, session.Runs[2], null, session.Runs[4], null, null], session.ExpectedBefore);
    }

    private sealed class RecordingRunner : ICandidateRunner
    {
        public List<RecordingSession> Sessions { get; } = [];

        public ValueTask<SessionOpening> OpenAsync(SessionRequest request, CancellationToken cancellationToken)
        {
            var session = new RecordingSession();
            Sessions.Add(session);
            return ValueTask.FromResult(SessionOpening.Opened(session));
        }
    }

    private sealed class RecordingSession : IRunSession
    {
        private (RunSide, ulong)? _expected;

        public List<(RunSide Side, ulong Seed)> Runs { get; } = [];

        public List<(RunSide Side, ulong Seed)?> ExpectedBefore { get; } = [];

        public void Expect(RunSide side, ulong seed) => _expected = (side, seed);

        public ValueTask<TimedRun> RunAsync(RunSide side, ulong seed, TimeSpan timeout, CancellationToken cancellationToken)
        {
            Runs.Add((side, seed));
            ExpectedBefore.Add(_expected);
            _expected = null;
            var output = new RunOutput([1.0], ImmutableDictionary<string, double[]>.Empty);
            return ValueTask.FromResult(new TimedRun(output, 0.01, null, ""));
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
