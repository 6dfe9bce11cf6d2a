using RsiSim.Core.Candidates;
using RsiSim.Core.Evaluations;
using RsiSim.Core.Moves;
using RsiSim.Evaluation.Tests.Adversarial;
using RsiSim.Tasks.TinyLm;

namespace RsiSim.Evaluation.Tests;

/// <summary>The default evaluator, with sandboxed workers, on the task's own moves.</summary>
public sealed class CandidateEvaluatorTests(SandboxedEvaluatorFixture fixture) : IClassFixture<SandboxedEvaluatorFixture>
{
    [Fact]
    public async Task The_reference_passes_every_check_against_itself()
    {
        var evaluation = await fixture.EvaluateAsync(SandboxedEvaluatorFixture.Reference);

        Assert.True(evaluation.Status == EvaluationStatus.Passed, evaluation.Summary);
        Assert.All(evaluation.Checks, c => Assert.True(c.Passed, c.Detail));
        Assert.Equal(5, evaluation.Timing!.CandidateSeconds.Length);
    }

    [Fact]
    public async Task Every_wrong_move_is_caught_as_a_wrong_result_by_the_check_it_names()
    {
        var library = TinyLmTask.Instance.Moves;
        foreach (var wrong in library.All.Where(m => m.Kind == MoveKind.Wrong))
        {
            var candidate = Candidate.FromSource(TinyLmTask.Instance.Compose(library.Closure(wrong.Id)));

            // A race needs work to interleave: a tiny step is over before a second thread starts, so racy moves are
            // evaluated at the small size, where their six checked runs catch them.
            var evaluation = await fixture.EvaluateAsync(candidate, wrong.Layer == "parallelism" ? TinyLmSize.Small.Name : null);

            Assert.True(evaluation.Status == EvaluationStatus.WrongResult, $"{wrong.Id}: {evaluation.Status}: {evaluation.Summary}");
            Assert.Contains(evaluation.Checks, c => !c.Passed && c.Name == wrong.FailsCheck);
        }
    }

    [Fact]
    public async Task Threads_and_tasks_that_finish_before_the_call_returns_are_allowed()
    {
        string source = Programs.ReferenceInitializingWith("""
                    var sums = new double[4];
                    Parallel.For(0, sums.Length, i => { for (int k = 0; k < 100_000; k++) { sums[i] += Math.Sqrt(k); } });
                    var task = Task.Run(() => sums.Sum());
                    var thread = new Thread(() => sums[0] += task.Result);
                    thread.Start();
                    thread.Join();
            """);

        var evaluation = await fixture.EvaluateAsync(Candidate.FromSource(source));

        Assert.True(evaluation.Status == EvaluationStatus.Passed, evaluation.Summary);
    }

    [Fact]
    public async Task A_policy_violation_is_reported_with_line_column_and_rule_before_anything_runs()
    {
        string source = Programs.ReferenceInitializingWith("        System.IO.File.WriteAllText(\"x\", \"y\");");

        var evaluation = await fixture.EvaluateAsync(Candidate.FromSource(source));

        Assert.Equal(EvaluationStatus.PolicyViolation, evaluation.Status);
        var violation = Assert.Single(evaluation.Diagnostics);
        Assert.Equal("RSP001", violation.Id);
        Assert.Equal(source.Split('\n').ToList().FindIndex(l => l.Contains("WriteAllText", StringComparison.Ordinal)) + 1, violation.Line);
        Assert.Empty(evaluation.Checks);
    }
}
