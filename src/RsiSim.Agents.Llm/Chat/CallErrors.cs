using System.Globalization;
using Microsoft.SemanticKernel;
using Polly.CircuitBreaker;
using Polly.Timeout;
using RsiSim.Agents.Llm.Http;
using RsiSim.Agents.Llm.Options;

namespace RsiSim.Agents.Llm.Chat;

/// <summary>Turns what a failed call threw into one sentence for the attempt's detail and the next prompt.</summary>
internal static class CallErrors
{
    public static string Describe(Exception exception, CallTrace trace, LlmAgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(options);
        string tries = trace.Attempts switch
        {
            0 => "",
            1 => " (1 attempt, no retry)",
            var n => string.Create(CultureInfo.InvariantCulture, $" ({n} attempts)"),
        };
        string what = Root(exception) switch
        {
            BrokenCircuitException => $"the endpoint keeps failing and the circuit breaker is open (calls pause {Seconds(options.BreakDuration)} at a time)",
            TimeoutRejectedException => $"no reply within the timeouts (request {Seconds(options.RequestTimeout)}, total {Seconds(options.TotalTimeout)})",
            HttpOperationException { StatusCode: { } status } => string.Create(CultureInfo.InvariantCulture, $"the endpoint answered HTTP {(int)status}") + Excerpt(trace),
            TimeoutException timeout => timeout.Message,
            HttpRequestException http => "the connection failed: " + http.Message,
            System.Text.Json.JsonException json => "the reply is not valid JSON: " + json.Message,
            _ when trace.LastStatus is int status && status >= 400 => string.Create(CultureInfo.InvariantCulture, $"the endpoint answered HTTP {status}") + Excerpt(trace),
            var other => $"the reply could not be read ({other.GetType().Name}: {other.Message})",
        };
        return "LLM call failed: " + what + tries;
    }

    private static Exception Root(Exception exception)
    {
        // Semantic Kernel and the SDK wrap transport failures; the innermost known kind says what happened.
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is BrokenCircuitException or TimeoutRejectedException or TimeoutException or HttpRequestException or System.Text.Json.JsonException)
            {
                return e;
            }
        }
        return exception;
    }

    private static string Excerpt(CallTrace trace) => trace.LastErrorBody is { Length: > 0 } body ? ": " + body.ReplaceLineEndings(" ") : "";

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.###}s");
}
