using System.Globalization;
using Microsoft.Extensions.Logging;
using RsiSim.Core.Agents;
using RsiSim.Core.Attempts;
using RsiSim.Core.Budgets;
using RsiSim.Core.Candidates;
using RsiSim.Core.Evaluations;
using RsiSim.Core.Randomness;
using RsiSim.Core.Runs;

namespace RsiSim.Core.Trials;

/// <summary>One trial: ask the agent, evaluate, record, until a budget is spent or the agent has nothing left.</summary>
public sealed partial class TrialLoop(IEvaluator evaluator, IRunEventSink sink, TimeProvider time, ILogger logger)
{
    /// <summary>After this many agent errors in a row a trial ends (<c>agent-failed</c>): an agent that cannot propose
    /// spends no simulated time, tokens or money, so a budget in those alone would never stop it.</summary>
    public const int MaxAgentErrorsInARow = 5;

    public async Task<TrialOutcome> RunAsync(TrialSetup setup, TrialState? resumeFrom, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var reference = Candidate.FromSource(setup.Task.ReferenceSource);
        var history = new List<AttemptRecord>(resumeFrom?.History ?? []);
        var best = resumeFrom?.Best ?? new BestCandidate(reference, 1.0, null);
        var spentBefore = resumeFrom?.Spent ?? BudgetUsage.Zero;
        var random = new SplitMix64(resumeFrom?.RandomState ?? SplitMix64.Derive(setup.Seed, "agent/" + setup.Arm.Name));
        long started = time.GetTimestamp();
        var spent = spentBefore;
        await sink.WriteAsync(new TrialStarted(setup.Key, setup.Seed, resumeFrom is not null), cancellationToken).ConfigureAwait(false);

        string stopReason;
        while (true)
        {
            spent = spent with { Wall = spentBefore.Wall + time.GetElapsedTime(started) };
            if (setup.Scenario.Budget.SpentBy(spent) is { } limit)
            {
                stopReason = limit;
                break;
            }
            cancellationToken.ThrowIfCancellationRequested();
            int index = history.Count + 1;
            var context = new AgentContext
            {
                Task = setup.Task,
                Size = setup.Scenario.Size,
                Arm = setup.Arm,
                Trial = setup.Index,
                Attempt = index,
                Reference = reference,
                Best = best,
                History = history,
                Budget = setup.Scenario.Budget,
                Spent = spent,
                Random = random,
                FindCandidate = setup.FindCandidate,
            };
            if (AgentErrorsInARow(history) >= MaxAgentErrorsInARow)
            {
                stopReason = $"agent-failed: {MaxAgentErrorsInARow} attempts in a row ended agent-error, the last: {history[^1].Description}";
                break;
            }
            // While the agent proposes, the evaluator may draw what the next evaluation's runs are handed.
            evaluator.Expect(setup.Scenario.TaskId, setup.Scenario.Size, HiddenSeed(setup, index));
            var proposal = await ProposeAsync(setup.Agent, context, cancellationToken).ConfigureAwait(false);
            if (proposal.Kind == ProposalKind.Finished)
            {
                stopReason = "agent-finished: " + proposal.Description;
                break;
            }
            var step = await JudgeAsync(setup, proposal, best, index, cancellationToken).ConfigureAwait(false);
            // The attempt was made with the tools as fast as the best before it: that is what compounding divides by.
            spent = Spend(setup, spent, spentBefore, started, proposal.Usage, best.Speedup);
            if (step.Status == AttemptStatus.Improved)
            {
                best = new BestCandidate(step.Candidate!, step.Speedup!.Value, step.Evaluation);
            }
            var record = new AttemptRecord(
                index, step.Status, step.Candidate?.Hash, step.Candidate is null ? null : proposal.ParentHash ?? context.Best.Candidate.Hash,
                proposal.Description, proposal.Moves, step.Speedup, best.Speedup, step.Detail, proposal.Usage, spent);
            history.Add(record);
            await sink.WriteAsync(new AttemptCompleted(setup.Key, record, step.Candidate, step.Evaluation, random.State), CancellationToken.None).ConfigureAwait(false);
            LogAttempt(logger, setup.Key, index, record.Status, record.Speedup, best.Speedup);
        }

        var outcome = new TrialOutcome(setup.Key, stopReason, best.Speedup, best.Candidate.Hash, history.Count);
        await sink.WriteAsync(new TrialFinished(setup.Key, outcome), CancellationToken.None).ConfigureAwait(false);
        return outcome;
    }

    private static ulong HiddenSeed(TrialSetup setup, int attempt) => SplitMix64.Derive(setup.Seed, "hidden", attempt);

    private static int AgentErrorsInARow(List<AttemptRecord> history)
    {
        int count = 0;
        for (int i = history.Count - 1; i >= 0 && history[i].Status == AttemptStatus.AgentError; i--)
        {
            count++;
        }
        return count;
    }

    private BudgetUsage Spend(TrialSetup setup, BudgetUsage spent, BudgetUsage before, long started, AgentUsage usage, double bestSpeedup)
    {
        // The compounding loop: each attempt's simulated time shrinks with the best speedup so far.
        double hours = usage.SimulatedMinutes / 60.0 / Math.Pow(bestSpeedup, setup.Loop.Compounding);
        return new BudgetUsage(
            spent.Attempts + 1,
            before.Wall + time.GetElapsedTime(started),
            spent.Tokens + usage.Tokens,
            spent.Money + usage.Cost,
            spent.SimulatedHours + hours);
    }

    private async ValueTask<Proposal> ProposeAsync(IAgent agent, AgentContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await agent.ProposeAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // An agent is a plugin: whatever it throws becomes an agent-error attempt, and the trial goes on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogAgentError(logger, ex, context.Arm.Name, context.Attempt);
            return Proposal.AgentError(ex.GetType().Name + ": " + ex.Message);
        }
    }

    private async ValueTask<Judgement> JudgeAsync(TrialSetup setup, Proposal proposal, BestCandidate best, int index, CancellationToken cancellationToken)
    {
        if (proposal.Kind is ProposalKind.EditFailed or ProposalKind.AgentError)
        {
            var status = proposal.Kind == ProposalKind.EditFailed ? AttemptStatus.EditFailed : AttemptStatus.AgentError;
            return new Judgement(status, null, null, null, proposal.Description);
        }
        string parent = proposal.ParentHash ?? best.Candidate.Hash;
        var candidate = proposal.Prepared is { } prepared
            ? prepared with { ParentHash = parent }
            : Candidate.FromSource(proposal.Source!, parent, proposal.Moves);
        var request = new EvaluationRequest(setup.Scenario.TaskId, setup.Scenario.Size, candidate, HiddenSeed(setup, index));
        var evaluation = await evaluator.EvaluateAsync(request, cancellationToken).ConfigureAwait(false);
        if (evaluation.Status != EvaluationStatus.Passed)
        {
            return new Judgement(evaluation.Status.ToAttemptStatus(), candidate, evaluation, null, evaluation.Summary);
        }
        double threshold = best.Speedup * (1 + setup.Loop.MinimumGain);
        double speedup = evaluation.Speedup!.Value;
        // The best proposed again is the same code: a luckier measurement of it is not an improvement.
        if (candidate.Hash == best.Candidate.Hash)
        {
            return new Judgement(AttemptStatus.NotFaster, candidate, evaluation, speedup,
                string.Create(CultureInfo.InvariantCulture, $"{speedup:0.00}x: the best itself, proposed again"));
        }
        if (speedup <= threshold)
        {
            return new Judgement(AttemptStatus.NotFaster, candidate, evaluation, speedup, NotFasterDetail(speedup, best.Speedup));
        }
        // A new best counts only once a fresh measurement, on fresh hidden seeds, confirms it.
        var confirmation = await evaluator.EvaluateAsync(
            request with { HiddenSeed = SplitMix64.Derive(setup.Seed, "confirm", index), Fresh = true }, cancellationToken).ConfigureAwait(false);
        if (confirmation.Status != EvaluationStatus.Passed)
        {
            return new Judgement(confirmation.Status.ToAttemptStatus(), candidate, confirmation, null, "on re-measurement: " + confirmation.Summary);
        }
        double confirmed = confirmation.Speedup!.Value;
        return confirmed > threshold
            ? new Judgement(AttemptStatus.Improved, candidate, confirmation, confirmed, string.Create(CultureInfo.InvariantCulture, $"new best {confirmation.Timing} (first measured {speedup:0.00}x)"))
            : new Judgement(AttemptStatus.NotFaster, candidate, confirmation, confirmed, NotFasterDetail(confirmed, best.Speedup) + string.Create(CultureInfo.InvariantCulture, $" on re-measurement (first measured {speedup:0.00}x)"));
    }

    private static string NotFasterDetail(double speedup, double best) =>
        string.Create(CultureInfo.InvariantCulture, $"{speedup:0.00}x does not beat the best {best:0.00}x");

    private sealed record Judgement(AttemptStatus Status, Candidate? Candidate, EvaluationResult? Evaluation, double? Speedup, string Detail);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Trial} attempt {Attempt}: {Status} speedup {Speedup} best {Best}")]
    private static partial void LogAttempt(ILogger logger, TrialKey trial, int attempt, AttemptStatus status, double? speedup, double best);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agent of arm {Arm} threw on attempt {Attempt}; recorded as agent-error")]
    private static partial void LogAgentError(ILogger logger, Exception exception, string arm, int attempt);
}
