using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using RsiSim.Agents.Llm.Options;

namespace RsiSim.Agents.Llm.Http;

/// <summary>The resilience around every HTTP attempt to the model: total timeout, retries with backoff, circuit breaker, attempt timeout.</summary>
internal static partial class LlmResiliencePipeline
{
    private static readonly TimeSpan LongestBackoff = TimeSpan.FromMinutes(1);

    /// <summary>Added to an open breaker's wait: a timer may fire up to a clock tick before the breaker's own clock says the break is over.</summary>
    /// <remarks>Without it a call that waited exactly the break was turned away again a millisecond early and used up its retry (about one run in six).</remarks>
    internal static readonly TimeSpan BreakerWaitMargin = TimeSpan.FromMilliseconds(50);

    public static ResiliencePipeline<HttpResponseMessage> Build(LlmAgentOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time, Name = "llm" }
            .AddTimeout(new TimeoutStrategyOptions { Timeout = options.TotalTimeout, Name = "total-timeout" });
        if (options.Retries > 0)
        {
            builder.AddRetry(Retry(options, time, logger));
        }
        return builder
            .AddCircuitBreaker(Breaker(options, logger))
            .AddTimeout(new TimeoutStrategyOptions { Timeout = options.RequestTimeout, Name = "request-timeout" })
            .Build();
    }

    private static RetryStrategyOptions<HttpResponseMessage> Retry(LlmAgentOptions options, TimeProvider time, ILogger logger) => new()
    {
        Name = "retry",
        MaxRetryAttempts = options.Retries,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = options.RetryDelay,
        MaxDelay = options.RetryDelay > LongestBackoff ? options.RetryDelay : LongestBackoff,
        // An open breaker is retried too: the call waits until the breaker lets one through, within the total timeout.
        ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome) || args.Outcome.Exception is BrokenCircuitException),
        // Retry-After wins over the backoff; an open breaker says when it will let a call through.
        DelayGenerator = args => ValueTask.FromResult(
            args.Outcome.Exception is BrokenCircuitException { RetryAfter: { } reopens } ? reopens + BreakerWaitMargin : RetryAfter.Of(args.Outcome.Result, time)),
        OnRetry = args =>
        {
            CallTrace.Current?.AddWait(args.RetryDelay);
            string outcome = Describe(args.Outcome);
            LogRetry(logger, args.AttemptNumber + 1, args.RetryDelay, outcome);
            return ValueTask.CompletedTask;
        },
    };

    private static CircuitBreakerStrategyOptions<HttpResponseMessage> Breaker(LlmAgentOptions options, ILogger logger) => new()
    {
        Name = "circuit-breaker",
        // Opens when every attempt of about two whole calls failed: the endpoint is down, not having a bad moment.
        FailureRatio = 1.0,
        MinimumThroughput = Math.Max(2, 2 * (options.Retries + 1)),
        SamplingDuration = Clamp(options.TotalTimeout, TimeSpan.FromMinutes(1), TimeSpan.FromDays(1)),
        BreakDuration = options.BreakDuration,
        ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
        OnOpened = args =>
        {
            string outcome = Describe(args.Outcome);
            LogBreakerOpened(logger, args.BreakDuration, outcome);
            return ValueTask.CompletedTask;
        },
    };

    // 408, 429, 5xx, a failed or dropped connection, an attempt past its timeout; never the run's own cancellation.
    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => HttpClientResiliencePredicates.IsTransient(outcome);

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response ? $"HTTP {(int)response.StatusCode}" : outcome.Exception?.GetType().Name ?? "no outcome";

    private static TimeSpan Clamp(TimeSpan value, TimeSpan low, TimeSpan high) => value < low ? low : value > high ? high : value;

    [LoggerMessage(Level = LogLevel.Information, Message = "LLM call: retry {Retry} in {Delay} after {Outcome}")]
    private static partial void LogRetry(ILogger logger, int retry, TimeSpan delay, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM endpoint failing: circuit breaker open for {BreakDuration} after {Outcome}; calls pause")]
    private static partial void LogBreakerOpened(ILogger logger, TimeSpan breakDuration, string outcome);
}
