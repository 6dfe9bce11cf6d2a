using Microsoft.Extensions.Logging;
using RsiSim.Agents.Llm.Accounting;
using RsiSim.Agents.Llm.Chat;
using RsiSim.Agents.Llm.Options;
using RsiSim.Agents.Llm.Prompting;
using RsiSim.Agents.Llm.Recording;
using RsiSim.Agents.Llm.Replies;
using RsiSim.Core.Agents;

namespace RsiSim.Agents.Llm;

/// <summary>Asks a language model for the next candidate: builds the prompt, checks the budget, calls, records, and applies the reply.</summary>
/// <remarks>Every outcome of a call is a proposal: a candidate, an edit-failed reply, an agent-error call, or finished when the budget or the recording is spent.</remarks>
internal sealed partial class LlmAgent(
    LlmAgentOptions options,
    ILlmChat chat,
    PromptBuilder prompts,
    ILlmCallRecorder recorder,
    ILogger logger) : IAgent
{
    private readonly TokenPrices _prices = new(options.InputPricePerMillion, options.OutputPricePerMillion);

    public async ValueTask<Proposal> ProposeAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var basis = context.Best.Candidate;
        var prompt = prompts.Build(context);
        if (BudgetGuard.Refusal(context, prompt, options.MaxOutputTokens, _prices) is { } refusal)
        {
            return Proposal.Finished(refusal);
        }
        var exchange = await chat.ExchangeAsync(new LlmRequest(context.Attempt, prompt, basis.Hash), cancellationToken).ConfigureAwait(false);
        if (exchange.Exhausted is { } exhausted)
        {
            return Proposal.Finished(exhausted);
        }
        // Whole milliseconds, as recorded: a replay then spends exactly what the recorded run spent.
        long latencyMs = (long)Math.Round(exchange.Latency.TotalMilliseconds);
        var usage = new AgentUsage(exchange.Usage.Input, exchange.Usage.Output, _prices.CostOf(exchange.Usage.Input, exchange.Usage.Output), latencyMs / 60_000.0);
        await recorder.RecordAsync(
            new LlmCall(
                context.Arm.Name, context.Trial, context.Attempt, exchange.RequestJson, exchange.ReplyJson,
                usage.InputTokens, usage.OutputTokens, usage.Cost, latencyMs, exchange.Retries, exchange.Error),
            cancellationToken).ConfigureAwait(false);
        if (exchange.Error is { } error)
        {
            return Proposal.AgentError(error, usage);
        }
        // A replayed reply edits the candidate it edited when it was recorded, whatever this run's timings made the best.
        if (exchange.BaseHash is { } recorded && recorded != basis.Hash && context.FindCandidate(recorded) is { } original)
        {
            basis = original;
        }
        var edit = ReplyParser.Apply(exchange.Content ?? "", basis.Source, options.EditFormat, exchange.FinishReason, options.MaxOutputTokens);
        if (!edit.Succeeded)
        {
            LogEditFailed(logger, context.Arm.Name, context.Trial, context.Attempt, edit.Description);
            return Proposal.EditFailed(edit.Description, usage);
        }
        return Proposal.Candidate(edit.Source!, edit.Description, usage) with { ParentHash = basis.Hash };
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Arm}#{Trial} attempt {Attempt}: the reply could not be applied: {Reason}")]
    private static partial void LogEditFailed(ILogger logger, string arm, int trial, int attempt, string reason);
}
