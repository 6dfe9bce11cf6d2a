using RsiSim.Core.Evaluations;

namespace RsiSim.Evaluation.Tests.Adversarial;

/// <summary>Hostile and cheating candidates (tests/adversarial/*.cs): each ends in its status, and the reference evaluated right after still passes at about 1x.</summary>
public sealed class AdversarialSuiteTests(SandboxedEvaluatorFixture fixture) : IClassFixture<SandboxedEvaluatorFixture>
{
    [Theory]
    [InlineData("read-reference-weights", EvaluationStatus.PolicyViolation, "RSP001")]
    [InlineData("write-file", EvaluationStatus.PolicyViolation, "RSP001")]
    [InlineData("open-socket", EvaluationStatus.PolicyViolation, "RSP002")]
    [InlineData("precompute-in-static-constructor", EvaluationStatus.WrongResult, null)]
    [InlineData("cache-across-runs", EvaluationStatus.WrongResult, null)]
    [InlineData("no-training", EvaluationStatus.WrongResult, null)]
    [InlineData("fewer-steps", EvaluationStatus.WrongResult, null)]
    [InlineData("background-thread", EvaluationStatus.PolicyViolation, null)]
    [InlineData("delayed-pool-work", EvaluationStatus.PolicyViolation, null)]
    [InlineData("sleeping-thread", EvaluationStatus.PolicyViolation, null)]
    [InlineData("finalizer-work", EvaluationStatus.PolicyViolation, null)]
    [InlineData("registered-wait", EvaluationStatus.PolicyViolation, "RSP010")]
    [InlineData("reflect-on-harness", EvaluationStatus.PolicyViolation, "RSP005")]
    [InlineData("environment-exit", EvaluationStatus.PolicyViolation, "RSP007")]
    [InlineData("thread-exception-exit", EvaluationStatus.Crash, null)]
    [InlineData("native-crash", EvaluationStatus.Crash, null)]
    [InlineData("infinite-loop", EvaluationStatus.Timeout, null)]
    [InlineData("allocate-40gib", EvaluationStatus.OutOfMemory, null)]
    [InlineData("allocate-40gib-native", EvaluationStatus.OutOfMemory, null)]
    [InlineData("stack-overflow", EvaluationStatus.Crash, null)]
    [InlineData("import-libc", EvaluationStatus.PolicyViolation, "RSP006")]
    [InlineData("patch-timer", EvaluationStatus.PolicyViolation, "RSP011")]
    [InlineData("garbage-stdout", EvaluationStatus.Passed, null)]
    public async Task A_hostile_candidate_ends_in_its_status_and_the_next_evaluation_is_unaffected(string file, EvaluationStatus expected, string? rule)
    {
        // Given a hostile candidate
        var hostile = SandboxedEvaluatorFixture.Load(file);

        // When it is evaluated, and the reference right after it
        var evaluation = await fixture.EvaluateAsync(hostile);
        var leftBehind = ChildProcesses.OfThisProcess();
        TestContext.Current.SendDiagnosticMessage($"{file}: {evaluation.Status}: {evaluation.Summary}");
        var next = await fixture.EvaluateReferenceAsync();
        foreach (var attempt in next)
        {
            TestContext.Current.SendDiagnosticMessage($"the reference after {file}: {attempt.Summary} candidate [{string.Join(", ", attempt.Timing?.CandidateSeconds.Select(s => $"{s * 1000:0.0}") ?? [])}] ms");
        }

        // Then the hostile one ends in its status and leaves no process behind,
        Assert.True(expected == evaluation.Status, $"{file}: expected {expected}, got {evaluation.Status}: {evaluation.Summary}");
        if (rule is not null)
        {
            Assert.Contains(evaluation.Diagnostics, d => d.Id == rule);
        }
        Assert.Empty(leftBehind);
        // and the reference evaluated next passes, at about 1x (see NearOne for how loose "about" is).
        Assert.All(next, e => Assert.True(e.Status == EvaluationStatus.Passed, $"the reference after {file}: {e.Status}: {e.Summary}"));
        Assert.InRange(next[^1].Speedup!.Value, SandboxedEvaluatorFixture.NearOne.Low, SandboxedEvaluatorFixture.NearOne.High);
    }

    [Fact]
    public async Task Garbage_printed_by_a_candidate_comes_back_as_its_output_truncated()
    {
        var evaluation = await fixture.EvaluateAsync(SandboxedEvaluatorFixture.Load("garbage-stdout"));

        Assert.Equal(EvaluationStatus.Passed, evaluation.Status);
        Assert.StartsWith("{\"type\":\"ran\"}", evaluation.Output, StringComparison.Ordinal);
        Assert.Contains("more characters not kept", evaluation.Output, StringComparison.Ordinal);
        Assert.InRange(evaluation.Output.Length, 4096, 4096 + 100);
    }

    [Fact]
    public async Task A_timed_out_candidate_is_killed_within_its_limit()
    {
        var evaluation = await fixture.EvaluateAsync(SandboxedEvaluatorFixture.Load("infinite-loop"));

        Assert.Equal(EvaluationStatus.Timeout, evaluation.Status);
        Assert.Contains("3 s", evaluation.Summary, StringComparison.Ordinal);
    }
}
