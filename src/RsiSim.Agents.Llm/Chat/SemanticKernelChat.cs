using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI.Chat;
using RsiSim.Agents.Llm.Accounting;
using RsiSim.Agents.Llm.Http;
using RsiSim.Agents.Llm.Options;
using RsiSim.Agents.Llm.Recording;

namespace RsiSim.Agents.Llm.Chat;

/// <summary>Calls a live endpoint through Semantic Kernel's chat service; every failure comes back as an exchange with an error.</summary>
internal sealed partial class SemanticKernelChat(
    IChatCompletionService service,
    LlmAgentOptions options,
    SecretRedactor redactor,
    TimeProvider time,
    ILogger logger) : ILlmChat
{
    public async ValueTask<LlmExchange> ExchangeAsync(LlmRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var trace = new CallTrace { Streaming = options.Stream };
        CallTrace.Begin(trace);
        var history = new ChatHistory(request.Prompt.System);
        history.AddUserMessage(request.Prompt.User);
        var settings = new OpenAIPromptExecutionSettings { Temperature = options.Temperature, MaxTokens = options.MaxOutputTokens };
        // The pipeline's total timeout covers the HTTP exchange; this one also covers reading a streamed body.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.TotalTimeout);
        long started = time.GetTimestamp();
        try
        {
            var reply = options.Stream
                ? await StreamAsync(history, settings, deadline, cancellationToken).ConfigureAwait(false)
                : await PlainAsync(history, settings, deadline.Token).ConfigureAwait(false);
            var usage = reply.Usage ?? Estimate(request.Prompt, reply.Content);
            return new LlmExchange
            {
                RequestJson = RecordedRequest.Sent(request, options.Model, trace, redactor),
                ReplyJson = redactor.Redact(RecordedReply.ToJson(reply.Content, reply.FinishReason, reply.Model, usage, options.Stream)),
                Content = reply.Content,
                FinishReason = reply.FinishReason,
                Usage = usage,
                Latency = time.GetElapsedTime(started),
                Retries = trace.Retries,
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Whatever the endpoint or the SDK does, the attempt becomes an agent-error and the trial goes on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            string error = redactor.Redact(ex is OperationCanceledException && deadline.IsCancellationRequested
                ? $"LLM call failed: no whole reply within the total timeout of {options.TotalTimeout.TotalSeconds:0.###}s ({trace.Attempts} attempts)"
                : CallErrors.Describe(ex, trace, options));
            LogCallFailed(logger, ex.GetType().Name, error);
            return new LlmExchange
            {
                RequestJson = RecordedRequest.Sent(request, options.Model, trace, redactor),
                Latency = time.GetElapsedTime(started),
                Retries = trace.Retries,
                Error = error,
            };
        }
        finally
        {
            CallTrace.Begin(null);
        }
    }

    private async Task<Reply> PlainAsync(ChatHistory history, OpenAIPromptExecutionSettings settings, CancellationToken cancellationToken)
    {
        var message = await service.GetChatMessageContentAsync(history, settings, kernel: null, cancellationToken).ConfigureAwait(false);
        var completion = message.InnerContent as ChatCompletion;
        var usage = completion?.Usage is { } u ? new TokenUsage(u.InputTokenCount, u.OutputTokenCount, true) : null;
        return new Reply(message.Content ?? "", completion?.FinishReason.ToString(), message.ModelId, usage);
    }

    private async Task<Reply> StreamAsync(ChatHistory history, OpenAIPromptExecutionSettings settings, CancellationTokenSource deadline, CancellationToken cancellationToken)
    {
        // A stream that goes quiet for longer than the request timeout is dead, even if the total timeout has time left.
        using var silence = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
        var text = new StringBuilder();
        TokenUsage? usage = null;
        string? finish = null;
        string? model = null;
        var chunks = service.GetStreamingChatMessageContentsAsync(history, settings, kernel: null, silence.Token).GetAsyncEnumerator(silence.Token);
        await using (chunks.ConfigureAwait(false))
        {
            try
            {
                // The first chunk waits as long as the pipeline allows (retries included); later ones only the request timeout.
                while (await chunks.MoveNextAsync().ConfigureAwait(false))
                {
                    silence.CancelAfter(options.RequestTimeout);
                    var chunk = chunks.Current;
                    text.Append(chunk.Content);
                    model ??= chunk.ModelId;
                    if (chunk.InnerContent is StreamingChatCompletionUpdate update)
                    {
                        finish = update.FinishReason?.ToString() ?? finish;
                        if (update.Usage is { } u)
                        {
                            usage = new TokenUsage(u.InputTokenCount, u.OutputTokenCount, true);
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (silence.IsCancellationRequested && !deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"the streamed reply went silent for more than the request timeout of {options.RequestTimeout.TotalSeconds:0.###}s after {text.Length} characters");
            }
        }
        return new Reply(text.ToString(), finish, model, usage);
    }

    private static TokenUsage Estimate(LlmPrompt prompt, string content) =>
        new(TokenEstimate.Typical(prompt.Length), TokenEstimate.Typical(content.Length), Reported: false);

    private sealed record Reply(string Content, string? FinishReason, string? Model, TokenUsage? Usage);

    // The exception itself is not logged: its text is not redacted, the error is.
    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM call failed ({Kind}); the attempt is an agent-error: {Error}")]
    private static partial void LogCallFailed(ILogger logger, string kind, string error);
}
