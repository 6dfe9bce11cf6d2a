using System.Globalization;
using RsiSim.Agents.Llm.Chat;
using RsiSim.Agents.Llm.Recording;

namespace RsiSim.Agents.Llm.Replay;

/// <summary>Serves the replies a run recorded for the same arm and trial, in order, with no network: exact re-runs and CI.</summary>
internal sealed class ReplayChat(ILlmReplaySource source, string runDirectory, string arm, int trial, string model, SecretRedactor redactor) : ILlmChat
{
    private IReadOnlyList<LlmCall>? _calls;
    private int _served;

    public async ValueTask<LlmExchange> ExchangeAsync(LlmRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            _calls ??= await source.LoadAsync(runDirectory, arm, trial, cancellationToken).ConfigureAwait(false);
        }
        catch (LlmReplayException ex)
        {
            // A recording that cannot be read gives no replies at all: the trial ends, rather than failing every attempt.
            return new LlmExchange { RequestJson = "{}", Exhausted = ex.Message };
        }
        if (_served >= _calls.Count)
        {
            return new LlmExchange
            {
                RequestJson = "{}",
                Exhausted = string.Create(CultureInfo.InvariantCulture, $"the recorded run {runDirectory} has no more replies for arm {arm} trial {trial} ({_calls.Count} served)"),
            };
        }
        var call = _calls[_served++];
        var replayed = new LlmExchange
        {
            RequestJson = RecordedRequest.Replayed(request, model, runDirectory, _served, redactor),
            Usage = new TokenUsage(call.InputTokens, call.OutputTokens, Reported: true),
            Latency = TimeSpan.FromMilliseconds(call.LatencyMs),
            Retries = call.Retries,
            BaseHash = RecordedRequest.BaseOf(call.RequestJson),
        };
        if (call.ReplyJson is null)
        {
            return replayed with { Error = call.Error ?? "the recorded call has neither a reply nor an error" };
        }
        try
        {
            var (content, finishReason) = RecordedReply.Parse(call.ReplyJson);
            return replayed with { ReplyJson = call.ReplyJson, Content = content, FinishReason = finishReason };
        }
        catch (FormatException ex)
        {
            return replayed with { Error = string.Create(CultureInfo.InvariantCulture, $"recorded call {_served} of arm {arm} trial {trial} cannot be replayed: {ex.Message}") };
        }
    }
}
