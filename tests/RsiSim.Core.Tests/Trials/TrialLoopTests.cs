using Microsoft.Extensions.Time.Testing;
using RsiSim.Core.Agents;
using RsiSim.Core.Attempts;
using RsiSim.Core.Budgets;
using RsiSim.Core.Evaluations;
using RsiSim.Core.Tests.Support;
using RsiSim.Core.Trials;

namespace RsiSim.Core.Tests.Trials;

public sealed class TrialLoopTests
{
    [Fact]
    public async Task A_trial_stops_at_its_attempt_budget()
    {
        var (outcome, sink) = await LoopFixture.RunAsync(LoopFixture.Scenario(new Budget(Attempts: 7)), new ScriptedAgent(), new ScriptedEvaluator());

        Assert.Equal(7, outcome.Attempts);
        Assert.Equal("attempts", outcome.StopReason);
        Assert.Equal(Enumerable.Range(1, 7), sink.Attempts.Select(a => a.Attempt.Index));
    }

    [Fact]
    public async Task A_trial_stops_once_its_wall_time_is_spent()
    {
        var time = new FakeTimeProvider();
        var evaluator = new ScriptedEvaluator(time, TimeSpan.FromSeconds(10));

        var (outcome, sink) = await LoopFixture.RunAsync(LoopFixture.Scenario(new Budget(Wall: TimeSpan.FromSeconds(35))), new ScriptedAgent(), evaluator, time);

        Assert.Equal("wall", outcome.StopReason);
        Assert.All(sink.Attempts.SkipLast(1), a => Assert.True(a.Attempt.Spent.Wall < TimeSpan.FromSeconds(35)));
        Assert.True(sink.Attempts.Last().Attempt.Spent.Wall >= TimeSpan.FromSeconds(35));
    }

    [Fact]
    public async Task Token_money_and_simulated_hour_budgets_each_stop_a_trial()
    {
        // Each scripted proposal uses 150 tokens, $0.01 and 30 simulated minutes.
        var byTokens = await LoopFixture.RunAsync(LoopFixture.Scenario(new Budget(Tokens: 1000)), new ScriptedAgent(), new ScriptedEvaluator());
        var byMoney = await LoopFixture.RunAsync(LoopFixture.Scenario(new Budget(Money: 0.05m)), new ScriptedAgent(), new ScriptedEvaluator());
        var byHours = await LoopFixture.RunAsync(LoopFixture.Scenario(new Budget(SimulatedHours: 2)), new ScriptedAgent(), new ScriptedEvaluator());

        Assert.Equal(("tokens", 7), (byTokens.Outcome.StopReason, byTokens.Outcome.Attempts));
        Assert.Equal(("money", 5), (byMoney.Outcome.StopReason, byMoney.Outcome.Attempts));
        Assert.Equal(("hours", 4), (byHours.Outcome.StopReason, byHours.Outcome.Attempts));
    }

    [Fact]
    public async Task The_best_speedup_never_decreases_and_only_confirmed_improvements_count()
    {
        var (outcome, sink) = await LoopFixture.RunAsync(LoopFixture.Scenario(new Budget(Attempts: 60)), new ScriptedAgent(), new ScriptedEvaluator());

        var attempts = sink.Attempts.Select(a => a.Attempt).ToList();
        for (int i = 1; i < attempts.Count; i++)
        {
            Assert.True(attempts[i].BestSpeedup >= attempts[i - 1].BestSpeedup);
        }
        Assert.All(attempts.Where(a => a.Status == AttemptStatus.Improved), a => Assert.Equal(a.Speedup, a.BestSpeedup));
        Assert.Equal(attempts.Last(a => a.Status == AttemptStatus.Improved).Speedup, outcome.BestSpeedup);
        Assert.True(attempts.Max(a => a.Speedup ?? 1.0) <= outcome.BestSpeedup * 1.02, "a valid candidate beat the best by more than the minimum gain");
    }

    [Fact]
    public async Task The_best_proposed_again_is_not_faster_however_lucky_its_measurement()
    {
        // Every measurement of the same code comes out 10% faster than the one before: a noisy machine's luck.
        var (outcome, sink) = await LoopFixture.RunAsync(
            LoopFixture.Scenario(new Budget(Attempts: 4)), new ScriptedAgent("speedup 2.0", "speedup 2.0", "speedup 2.0", "speedup 2.0"), new LuckierEachTime());

        var attempts = sink.Attempts.Select(a => a.Attempt).ToList();
        Assert.Equal(AttemptStatus.Improved, attempts[0].Status);
        Assert.All(attempts.Skip(1), a => Assert.Equal(AttemptStatus.NotFaster, a.Status));
        Assert.All(attempts.Skip(1), a => Assert.Contains("the best itself", a.Detail, StringComparison.Ordinal));
        Assert.Equal(attempts[0].BestSpeedup, outcome.BestSpeedup);
    }

    private sealed class LuckierEachTime : IEvaluator
    {
        private int _measured;

        public ValueTask<EvaluationResult> EvaluateAsync(EvaluationRequest request, CancellationToken cancellationToken)
        {
            double speedup = 2.0 * (1 + 0.1 * _measured++);
            var timing = new SpeedupMeasurement(speedup, speedup, speedup, [1.0], [1.0 / speedup]);
            return ValueTask.FromResult(new EvaluationResult(EvaluationStatus.Passed, $"{speedup}x", [], [], timing));
        }
    }

    [Fact]
    public async Task A_new_best_that_its_fresh_remeasurement_does_not_confirm_is_not_faster()
    {
        var evaluator = new ScriptedEvaluator { ConfirmationFactor = 0.3 };

        var (outcome, sink) = await LoopFixture.RunAsync(LoopFixture.Scenario(new Budget(Attempts: 1)), new ScriptedAgent("speedup 3.0"), evaluator);

        var attempt = Assert.Single(sink.Attempts).Attempt;
        Assert.Equal(AttemptStatus.NotFaster, attempt.Status);
        Assert.Equal(1.0, outcome.BestSpeedup);
        Assert.Equal([false, true], evaluator.Requests.Select(r => r.Fresh));
        Assert.NotEqual(evaluator.Requests[0].HiddenSeed, evaluator.Requests[1].HiddenSeed);
    }

    [Fact]
    public async Task The_evaluator_hears_of_each_attempt_s_hidden_seed_before_the_agent_proposes_it()
    {
        var evaluator = new ScriptedEvaluator();
        string[] sources = ["speedup 1.5", "wrong", "speedup 1.2"];
        var hintsWhenProposing = new List<int>();
        var agent = new ScriptedAgent
        {
            Override = c =>
            {
                hintsWhenProposing.Add(evaluator.Expected.Count);
                return Proposal.Candidate(sources[c.Attempt - 1], "scripted");
            },
        };

        var (_, sink) = await LoopFixture.RunAsync(LoopFixture.Scenario(new Budget(Attempts: 3)), agent, evaluator);

        Assert.Equal(3, sink.Attempts.Count());
        Assert.Equal([1, 2, 3], hintsWhenProposing);
        var firstMeasurements = evaluator.Requests.Where(r => !r.Fresh).ToList();
        Assert.Equal(firstMeasurements.Select(r => (r.TaskId, r.Size, r.HiddenSeed)), evaluator.Expected.Select(e => (e.Task, e.Size, e.HiddenSeed)));
        Assert.Equal(3, evaluator.Expected.Select(e => e.HiddenSeed).Distinct().Count());
    }

    [Fact]
    public async Task An_improvement_smaller_than_the_minimum_gain_is_not_faster()
    {
        var (_, sink) = await LoopFixture.RunAsync(LoopFixture.Scenario(new Budget(Attempts: 2), minimumGain: 0.05), new ScriptedAgent("speedup 2.0", "speedup 2.05"), new ScriptedEvaluator());

        Assert.Equal([AttemptStatus.Improved, AttemptStatus.NotFaster], sink.Attempts.Select(a => a.Attempt.Status));
    }

    [Fact]
    public async Task An_agent_that_throws_gives_an_agent_error_attempt_and_the_trial_goes_on()
    {
        var agent = new ScriptedAgent
        {
            Override = c => c.Attempt == 2 ? throw new InvalidOperationException("model said no") : Proposal.Candidate("speedup 1.5", "ok"),
        };

        var (outcome, sink) = await LoopFixture.RunAsync(LoopFixture.Scenario(new Budget(Attempts: 3)), agent, new ScriptedEvaluator());

        Assert.Equal(3, outcome.Attempts);
        var error = sink.Attempts.ElementAt(1).Attempt;
        Assert.Equal(AttemptStatus.AgentError, error.Status);
        Assert.Contains("model said no", error.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_that_keeps_failing_ends_its_trial_even_when_only_simulated_hours_are_budgeted()
    {
        // A failing agent spends no simulated time: before the limit on errors in a row this trial never ended.
        var agent = new ScriptedAgent { Override = c => c.Attempt < 3 ? Proposal.Candidate("speedup 1.2", "ok") : throw new DirectoryNotFoundException("no run folder 'runs/gone'") };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));

        var (outcome, sink) = await LoopFixture.RunAsync(LoopFixture.Scenario(new Budget(SimulatedHours: 2)), agent, new ScriptedEvaluator(), cancellationToken: timeout.Token);

        Assert.Equal(2 + TrialLoop.MaxAgentErrorsInARow, outcome.Attempts);
        Assert.StartsWith("agent-failed: 5 attempts in a row", outcome.StopReason, StringComparison.Ordinal);
        Assert.Contains("no run folder 'runs/gone'", outcome.StopReason, StringComparison.Ordinal);
        Assert.All(sink.Attempts.Skip(2), a => Assert.Equal(AttemptStatus.AgentError, a.Attempt.Status));
    }

    [Fact]
    public async Task An_agent_that_has_nothing_left_ends_the_trial_early()
    {
        var agent = new ScriptedAgent { Override = c => c.Attempt < 3 ? Proposal.Candidate("speedup 1.2", "ok") : Proposal.Finished("done") };

        var (outcome, _) = await LoopFixture.RunAsync(LoopFixture.Scenario(new Budget(Attempts: 10)), agent, new ScriptedEvaluator());

        Assert.Equal(2, outcome.Attempts);
        Assert.StartsWith("agent-finished", outcome.StopReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_attempts()
    {
        var first = await LoopFixture.RunAsync(LoopFixture.Scenario(new Budget(Attempts: 20)), new ScriptedAgent(), new ScriptedEvaluator());
        var second = await LoopFixture.RunAsync(LoopFixture.Scenario(new Budget(Attempts: 20)), new ScriptedAgent(), new ScriptedEvaluator());

        Assert.Equal(
            first.Sink.Attempts.Select(a => (a.Attempt.CandidateHash, a.Attempt.Status, a.RandomState)),
            second.Sink.Attempts.Select(a => (a.Attempt.CandidateHash, a.Attempt.Status, a.RandomState)));
    }

    [Fact]
    public async Task Compounding_divides_each_attempts_simulated_time_by_the_best_speedup_so_far()
    {
        var scenario = LoopFixture.Scenario(new Budget(Attempts: 2), compounding: 1);

        var (_, sink) = await LoopFixture.RunAsync(scenario, new ScriptedAgent("speedup 2.0", "speedup 1.0"), new ScriptedEvaluator());

        var spent = sink.Attempts.Select(a => a.Attempt.Spent.SimulatedHours).ToList();
        Assert.Equal(0.5, spent[0], 6);          // 30 minutes, made while the best was still 1x
        Assert.Equal(0.5 + 0.25, spent[1], 6);   // 30 minutes / 2, made after the best reached 2x
    }
}
